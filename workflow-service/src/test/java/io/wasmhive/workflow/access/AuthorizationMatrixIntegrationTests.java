package io.wasmhive.workflow.access;

import static io.wasmhive.workflow.access.TestCallers.Who.ADMIN;
import static io.wasmhive.workflow.access.TestCallers.Who.FORGED;
import static io.wasmhive.workflow.access.TestCallers.Who.NAMESAKE;
import static io.wasmhive.workflow.access.TestCallers.Who.NONE;
import static io.wasmhive.workflow.access.TestCallers.Who.OUTSIDER;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER_WITHOUT_ROLE;
import static io.wasmhive.workflow.access.TestCallers.Who.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.workflow.access.TestCallers.Who;
import io.wasmhive.workflow.store.WorkflowApiClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the service, in secure mode over real HTTP, as every kind of caller: without credentials, with a
 * forged key, as a member of another tenant (also one whose principal has the owner's name), as another member of
 * the workflow's tenant, as its owner (with and without the execute role) and as an administrator of a third
 * tenant. Each row is one endpoint and the status each caller gets; each call is made on a workflow (and run) of its
 * own, created by the owner, so no call sees another's effect. Refusals carry the code of their status in the
 * API's shape (the WASM server's own under {@code /wasm/}).
 */
@SecureServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a call needs made before it, by the owner. */
  enum Needs { NOTHING, WORKFLOW, RUN, PAUSED }

  /** One endpoint: its request and the status each caller gets. */
  record Row(String name, String method, String path, String body, boolean sse, Needs needs,
      Map<Who, Integer> expected) {

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Row> ROWS = List.of(
      new Row("POST /workflows", "POST", "/workflows", Workflows.scheduled(), false, Needs.NOTHING,
          anyCaller(201)),
      new Row("GET /workflows/{id}", "GET", "/workflows/{w}", null, false, Needs.WORKFLOW, tenant(200)),
      new Row("POST /workflows/{id}/jobs/{jobId}/runs", "POST", "/workflows/{w}/jobs/job-1/runs", "", false,
          Needs.WORKFLOW, tenant(202)),
      new Row("POST /workflows/{id}/jobs/{jobId}/runs execute:true", "POST", "/workflows/{w}/jobs/job-1/runs",
          "{\"execute\":true}", false, Needs.WORKFLOW, execute()),
      new Row("GET /runs/{id}", "GET", "/runs/{r}", null, false, Needs.RUN, tenant(200)),
      new Row("GET /runs/{id}/events", "GET", "/runs/{r}/events", null, true, Needs.RUN, tenant(200)),
      new Row("GET /workflows/{id}/events", "GET", "/workflows/{w}/events", null, true, Needs.WORKFLOW,
          tenant(200)),
      new Row("GET /workflows/{id}/schedule", "GET", "/workflows/{w}/schedule", null, false, Needs.WORKFLOW,
          tenant(200)),
      new Row("POST /workflows/{id}/pause", "POST", "/workflows/{w}/pause", "", false, Needs.WORKFLOW, owner(200)),
      new Row("POST /workflows/{id}/resume", "POST", "/workflows/{w}/resume", "", false, Needs.PAUSED, owner(200)),
      new Row("POST /workflows/{id}/cancel", "POST", "/workflows/{w}/cancel", "", false, Needs.WORKFLOW, owner(200)),
      new Row("GET /wasm/health", "GET", "/wasm/health", null, false, Needs.NOTHING, publicPath()),
      new Row("POST /wasm/run", "POST", "/wasm/run", wasmRun(), false, Needs.NOTHING, anyCaller(200)),
      new Row("GET /admin/api-keys", "GET", "/admin/api-keys", null, false, Needs.NOTHING, admin()));

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  TestCallers callers;

  @BeforeAll
  void issueKeys() {
    callers = new TestCallers(keys, port);
  }

  @ParameterizedTest
  @FieldSource("ROWS")
  void everyCallerGetsTheStatusOfItsRow(Row row) throws Exception {
    for (Who who : Who.values()) {
      String path = prepare(row.needs(), row.path());
      int expected = row.expected().get(who);
      if (row.sse()) {
        try (SseTestClient client = SseTestClient.open(callers.as(NONE).uri(path), callers.sseHeaders(who))) {
          assertThat(client.status()).as("%s as %s: %s", row, who, client.body()).isEqualTo(expected);
          if (expected != 200) {
            assertRefusal(row, who, expected, client.body());
          }
        }
        continue;
      }
      HttpResponse<String> answer = call(callers.as(who), row.method(), path, row.body());
      assertThat(answer.statusCode()).as("%s as %s: %s", row, who, answer.body()).isEqualTo(expected);
      if (expected >= 400) {
        assertRefusal(row, who, expected, answer.body());
      }
    }
  }

  /** The row's path with a fresh workflow (and run, or paused schedule) of the owner in it. */
  private String prepare(Needs needs, String path) {
    if (needs == Needs.NOTHING) {
      return path;
    }
    WorkflowApiClient owner = callers.as(OWNER);
    String workflow = Workflows.create(owner, Workflows.scheduled());
    if (needs == Needs.RUN) {
      path = path.replace("{r}", Workflows.run(owner, workflow));
    }
    if (needs == Needs.PAUSED) {
      assertThat(owner.post("/workflows/" + workflow + "/pause", "").statusCode()).isEqualTo(200);
    }
    return path.replace("{w}", workflow);
  }

  private static HttpResponse<String> call(WorkflowApiClient api, String method, String path, String body) {
    HttpRequest.Builder request = api.builder(path).header("Content-Type", "application/json");
    return api.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static void assertRefusal(Row row, Who who, int status, String body) {
    JsonNode answer = JSON.readTree(body);
    String code = switch (status) {
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      default -> throw new AssertionError("no refusal expected: " + status);
    };
    if (row.path().startsWith("/wasm/")) {
      assertThat(answer.get("ok").booleanValue()).as("%s as %s", row, who).isFalse();
      assertThat(answer.get("error").stringValue()).as("%s as %s", row, who).startsWith(code + ": ");
      return;
    }
    assertThat(answer.get("error").get("code").stringValue()).as("%s as %s: %s", row, who, body).isEqualTo(code);
    assertThat(answer.get("error").get("message").stringValue()).isNotBlank();
  }

  private static Map<Who, Integer> statuses(int none, int outsider, int peer, int ownerWithoutRole, int owner,
      int admin) {
    Map<Who, Integer> statuses = new EnumMap<>(Who.class);
    statuses.put(NONE, none);
    statuses.put(FORGED, 401);
    statuses.put(OUTSIDER, outsider);
    statuses.put(NAMESAKE, outsider);
    statuses.put(PEER, peer);
    statuses.put(OWNER_WITHOUT_ROLE, ownerWithoutRole);
    statuses.put(OWNER, owner);
    statuses.put(ADMIN, admin);
    return statuses;
  }

  /** Any authenticated caller. */
  private static Map<Who, Integer> anyCaller(int ok) {
    return statuses(401, ok, ok, ok, ok, ok);
  }

  /** The workflow's tenant: others find nothing. */
  private static Map<Who, Integer> tenant(int ok) {
    return statuses(401, 404, ok, ok, ok, ok);
  }

  /** The workflow's owner: its tenant's other members may see it but not change it. */
  private static Map<Who, Integer> owner(int ok) {
    return statuses(401, 404, 403, ok, ok, ok);
  }

  /** The workflow's owner with the execute role. */
  private static Map<Who, Integer> execute() {
    return statuses(401, 404, 403, 403, 202, 202);
  }

  /** No credentials needed; credentials sent are still checked, so a forged key is refused. */
  private static Map<Who, Integer> publicPath() {
    return statuses(200, 200, 200, 200, 200, 200);
  }

  /** Administrators only. */
  private static Map<Who, Integer> admin() {
    return statuses(401, 403, 403, 403, 403, 200);
  }

  private static String wasmRun() {
    byte[] module = GuestCorpus.bytes("wf-echo-stdin.wasm");
    return "{\"jobId\":\"matrix\",\"wasmB64\":\"" + Base64.getEncoder().encodeToString(module)
        + "\",\"input\":{\"x\":1},\"timeoutMs\":2000}";
  }
}
