package io.wasmhive.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.testing.ContractClient;
import io.wasmhive.platform.testing.OpenApiContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.sdk.Fixtures;
import java.util.Base64;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * workflow-service's OpenAPI document: committed, complete, and true to real responses (ADR 0025). The requests are
 * the kinds the integration tests make (the Ditto SDK's workflow document, runs, schedules, run events, the WASM
 * server), a success and an error of each operation, in the plain test context.
 */
@ServiceIntegrationTest
class WorkflowOpenApiContractTests extends OpenApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected String service() {
    return "workflow-service";
  }

  @Override
  protected Set<String> withoutErrorCase() {
    return Set.of("GET /admin/api-keys", "GET /wasm/health");
  }

  @Override
  protected void exchanges(ContractClient client) throws Exception {
    String created = client.expect(201, client.post("/workflows", Fixtures.text("workflow-serialized.json")));
    String id = JSON.readTree(created).path("id").asString();
    client.expect(400, client.post("/workflows", "{\"workflow\":{\"jobs\":\"none\"}}"));
    client.expect(200, client.get("/workflows/" + id));
    client.expect(404, client.get("/workflows/ghost"));

    String run = client.expect(202, client.post("/workflows/" + id + "/jobs/balance-sweep/runs", "{}"));
    client.expect(400, client.post("/workflows/" + id + "/jobs/balance-sweep/runs", "{\"mode\":\"sideways\"}"));
    String runId = JSON.readTree(run).path("id").asString();
    client.expect(200, client.get("/runs/" + runId));
    client.expect(404, client.get("/runs/ghost"));
    assertThat(client.openStream("/runs/" + runId + "/events")).isEqualTo(200);
    assertThat(client.openStream("/runs/ghost/events")).isEqualTo(404);
    assertThat(client.openStream("/workflows/" + id + "/events")).isEqualTo(200);
    assertThat(client.openStream("/workflows/" + id + "/events", "Last-Event-ID", "yesterday")).isEqualTo(400);

    client.expect(200, client.get("/workflows/" + id + "/schedule"));
    client.expect(404, client.get("/workflows/ghost/schedule"));
    client.expect(200, client.post("/workflows/" + id + "/pause", ""));
    client.expect(200, client.post("/workflows/" + id + "/resume", ""));
    client.expect(404, client.post("/workflows/ghost/resume", ""));
    client.expect(200, client.post("/workflows/" + id + "/cancel", ""));
    client.expect(409, client.post("/workflows/" + id + "/pause", ""));
    client.expect(404, client.post("/workflows/ghost/cancel", ""));

    client.expect(200, client.get("/wasm/health"));
    String module = Base64.getEncoder().encodeToString(GuestCorpus.bytes("wf-echo-stdin.wasm"));
    client.expect(200, client.post("/wasm/run", "{\"jobId\":\"contract\",\"wasmB64\":\"" + module
        + "\",\"input\":{\"x\":1},\"timeoutMs\":2000}"));
    client.expect(400, client.post("/wasm/run", "{}"));
  }
}
