package io.wasmhive.relay.identity;

import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import io.wasmhive.relay.fuzz.RelayFuzz;
import io.wasmhive.relay.identity.SecureRelay.Reply;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every relay endpoint in secure mode, asked over real HTTP by no caller, another principal, the owner and an
 * administrator. "Other principal" reads a result it does not own as 404 (not 403: an id reveals nothing), is
 * refused a name it does not own with 403 {@code NAME_OWNED}, and may use what is shared by every caller (execute,
 * read the names registry, subscribe to its own events). Every refusal is in the relay's shape.
 */
class RelayAuthorizationMatrixIntegrationTests {

  @TempDir
  static Path dataDir;

  static SecureRelay relay;
  static StoredModule add;
  static String aliceRequest;
  static String aliceName;

  @BeforeAll
  static void start() {
    relay = new SecureRelay(dataDir, "relay.rate-limit.limit=1000", "relay.ui.workflow-url=https://workflow.test/");
    add = store(relay.app, "wat-add.wasm");
    Reply run = relay.execute("alice", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[2,3]}");
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    aliceRequest = run.json().get("request_id").asString();
    aliceName = "matrix-" + System.nanoTime();
    assertThat(register("alice", "1.0.0").status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    relay.close();
  }

  private static Reply register(String principal, String version) {
    return relay.send("POST", "/names", principal, "{\"name\":\"" + aliceName + "\",\"version\":\"" + version
        + "\",\"cid\":\"" + add.cidV1() + "\"}");
  }

  /**
   * One endpoint: how it is called by a caller ({@code none}, {@code bob}, {@code alice} or {@code admin}) and the
   * statuses it answers them, in that order.
   */
  record Row(String endpoint, Function<String, Reply> call, int none, int other, int owner, int admin) {

    @Override
    public String toString() {
      return endpoint;
    }
  }

  static Stream<Row> endpoints() {
    return Stream.of(
        new Row("POST /intent/execute-wasm", who -> relay.execute(who, "{\"cid\":\"" + add.cidV1()
            + "\",\"inputs\":[1,1]}"), 401, 200, 200, 200),
        new Row("GET /intent/execute-wasm/{alice's request}", who -> relay.get("/intent/execute-wasm/"
            + aliceRequest, who), 401, 404, 200, 200),
        new Row("POST /names (a version of alice's name)", who -> register(who, "2.0.0-" + who),
            401, 403, 201, 201),
        new Row("GET /names", who -> relay.get("/names", who), 401, 200, 200, 200),
        new Row("GET /names/{name}", who -> relay.get("/names/" + aliceName, who), 401, 200, 200, 200),
        new Row("GET /names/{name}/{version}", who -> relay.get("/names/" + aliceName + "/1.0.0", who),
            401, 200, 200, 200),
        new Row("GET /intent/execute-wasm/health (public)", who -> relay.get("/intent/execute-wasm/health", who),
            200, 200, 200, 200),
        new Row("GET /admin/api-keys (platform-infra's)", who -> relay.get("/admin/api-keys", who),
            401, 403, 403, 200),
        new Row("GET /ui/ (the dashboard's page: public, no data)", who -> relay.get("/ui/", who), 200, 200, 200, 200),
        new Row("GET /ui/assets/main.js (public)", who -> relay.get("/ui/assets/main.js", who), 200, 200, 200, 200),
        new Row("GET /ui/config.json", who -> relay.get("/ui/config.json", who), 401, 200, 200, 200),
        new Row("GET /ui/pool", who -> relay.get("/ui/pool", who), 401, 200, 200, 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void eachCallerGetsWhatTheMatrixSays(Row row) {
    List<String> callers = Arrays.asList(null, "bob", "alice", "admin");
    int[] expected = {row.none(), row.other(), row.owner(), row.admin()};
    for (int i = 0; i < callers.size(); i++) {
      Reply reply = row.call().apply(callers.get(i));
      assertThat(reply.status()).as(row.endpoint() + " as " + callers.get(i) + ": " + reply).isEqualTo(expected[i]);
      if (reply.status() >= 400) {
        assertThat(reply.json().get("success").asBoolean(true)).as(reply.toString()).isFalse();
        assertThat(reply.code()).as(reply.toString()).isEqualTo(switch (reply.status()) {
          case 401 -> "UNAUTHORIZED";
          case 404 -> "NOT_FOUND";
          default -> row.endpoint().startsWith("POST /names") ? "NAME_OWNED" : "FORBIDDEN";
        });
      }
    }
  }

  @Test
  void theDashboardIsServedWithItsConfigurationAndThePool() {
    Reply page = relay.get("/ui/", null);
    assertThat(page.body()).contains("<script type=\"module\" src=\"assets/main.js\">");
    assertThat(relay.send("GET", "/ui", null, null).status()).isEqualTo(302);
    int port = Integer.parseInt(relay.app.getEnvironment().getProperty("local.server.port"));
    JsonNode services = relay.get("/ui/config.json", "bob").json().get("services");
    assertThat(services.get("relay").asString()).isEmpty();
    assertThat(services.get("workflow").asString()).isEqualTo("https://workflow.test");
    assertThat(services.get("indexer").asString()).isEqualTo("http://127.0.0.1:" + (port + 2));
    assertThat(services.get("procedure").asString()).isEqualTo("http://127.0.0.1:" + (port + 3));
    JsonNode pool = relay.get("/ui/pool", "bob").json();
    assertThat(pool.at("/executor/workers_total").asInt()).isPositive();
    assertThat(pool.at("/executor/completed").asLong()).isPositive();
    assertThat(pool.at("/relay/success").asLong()).isPositive();
    assertThat(pool.at("/queue/available").asBoolean()).isTrue();
    assertThat(pool.at("/queue/pending").asLong()).isZero();
  }

  @ParameterizedTest(name = "events as {0}")
  @MethodSource("subscribers")
  void theEventsEndpointNeedsCredentialsAndServesEveryAuthenticatedCaller(String who, int status) throws Exception {
    try (SseTestClient events = relay.events(who, null)) {
      assertThat(events.status()).isEqualTo(status);
      if (status == 401) {
        assertThat(events.body()).contains("\"success\":false").contains("\"code\":\"UNAUTHORIZED\"");
      }
    }
  }

  static Stream<Arguments> subscribers() {
    return Stream.of(Arguments.of(null, 401),
        Arguments.of("bob", 200),
        Arguments.of("alice", 200),
        Arguments.of("admin", 200));
  }

  /** Hostile requests to every endpoint (docs/fuzzing-http.md), as an administrator: no 5xx, every error shaped. */
  @Test
  void hostileRequestsOfAnAdministratorGetNoServerErrorAndOnlyShapedErrors() {
    String admin = "Bearer " + relay.token("admin-fuzz");
    var report = RelayFuzz.fuzzer(relay.app, add.cidV1(), 1 << 20).header("Authorization", admin).requests(250)
        .afterwards(FuzzRequest.of("GET", "/names").header("Authorization", admin), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }

  /** The same without credentials: refused in the relay's shape, never a 5xx. */
  @Test
  void hostileRequestsWithoutCredentialsAreRefusedInTheRelaysShape() {
    var report = RelayFuzz.fuzzer(relay.app, add.cidV1(), 1 << 20).requests(80).run();
    assertThat(report.statuses()).containsKey(401);
  }
}
