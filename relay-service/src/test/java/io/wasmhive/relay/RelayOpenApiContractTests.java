package io.wasmhive.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.ContractClient;
import io.wasmhive.platform.testing.OpenApiContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * relay-service's OpenAPI document: committed, complete, and true to real responses (ADR 0025). The requests are
 * the kinds the integration tests make (seed 001's execution and its failures, names, the event stream), a success
 * and an error of each operation, in the plain test context.
 */
@ServiceIntegrationTest
class RelayOpenApiContractTests extends OpenApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String POLICY = "\"policy\":{\"max_memory\":1048576,\"max_gas\":1000000,\"max_time\":5000}";

  /** Keys and names of this run: the plain context's stores outlive it. */
  private static final String RUN = Long.toHexString(System.currentTimeMillis());

  @Autowired
  ModuleStore store;

  @Override
  protected String service() {
    return "relay-service";
  }

  @Override
  protected Set<String> withoutErrorCase() {
    // The dashboard's two documents refuse only callers without credentials, in secure mode
    // (RelayAuthorizationMatrixIntegrationTests); this context runs in local mode.
    return Set.of("GET /admin/api-keys", "GET /intent/execute-wasm/health", "HEAD /intent/execute-wasm/events",
        "GET /ui/config.json", "GET /ui/pool");
  }

  @Override
  protected void exchanges(ContractClient client) throws Exception {
    StoredModule add = store.put(GuestCorpus.bytes("wat-add.wasm"), ModuleOrigin.of("test"));
    StoredModule trap = store.put(GuestCorpus.bytes("wat-trap-unreachable.wasm"), ModuleOrigin.of("test"));
    execute(client, add, trap);
    names(client, add);
    client.expect(200, client.get("/intent/execute-wasm/health"));
    assertThat(client.openStream("/intent/execute-wasm/events?request_id=r" + RUN)).isEqualTo(200);
    assertThat(client.openStream("/intent/execute-wasm/events?request_id=" + "x".repeat(129))).isEqualTo(400);
    assertThat(client.openStream("/intent/execute-wasm/events", "Last-Event-ID", "yesterday")).isEqualTo(400);
    client.expect(200, client.head("/intent/execute-wasm/events"));
    assertThat(JSON.readTree(client.expect(200, client.get("/ui/config.json"))).path("services").has("procedure"))
        .isTrue();
    assertThat(JSON.readTree(client.expect(200, client.get("/ui/pool"))).has("executor")).isTrue();
  }

  private static void execute(ContractClient client, StoredModule add, StoredModule trap) throws Exception {
    String done = client.expect(200, client.post("/intent/execute-wasm",
        "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[1,2]," + POLICY + ",\"idempotency_key\":\"k" + RUN + "\"}"));
    assertThat(JSON.readTree(done).path("output").asInt()).isEqualTo(3);
    client.expect(422, client.post("/intent/execute-wasm",
        "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[5,3]," + POLICY + ",\"idempotency_key\":\"k" + RUN + "\"}"));
    client.expect(422, client.post("/intent/execute-wasm", "{\"cid\":\"" + trap.cidV1() + "\",\"inputs\":[]}"));
    client.expect(202, client.post("/intent/execute-wasm",
        "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[2,2],\"mode\":\"async\",\"idempotency_key\":\"a" + RUN + "\"}"));
    client.expect(400, client.post("/intent/execute-wasm", "{\"cid\":\"" + add.cidV1() + "\",\"colour\":1}"));
    client.expect(404, client.post("/intent/execute-wasm", "{\"cid\":\"glyph://nobody-" + RUN + "\",\"inputs\":[]}"));
    client.expect(415, client.post("/intent/execute-wasm", "text/plain", "{}".getBytes()));
    client.expect(413, client.post("/intent/execute-wasm", "{\"cid\":\"" + " ".repeat(2 << 20) + "\"}"));

    String requestId = JSON.readTree(done).path("request_id").asString();
    client.expect(200, client.get("/intent/execute-wasm/" + requestId));
    client.expect(404, client.get("/intent/execute-wasm/" + "0".repeat(64)));
  }

  private static void names(ContractClient client, StoredModule add) throws Exception {
    String name = "calc-" + RUN;
    String body = "{\"name\":\"" + name + "\",\"version\":\"quantum\",\"cid\":\"" + add.cidV1() + "\"}";
    client.expect(201, client.post("/names", body));
    client.expect(200, client.post("/names", body));
    client.expect(400, client.post("/names", "{\"name\":\"Bad Name!\",\"version\":\"1\",\"cid\":\"" + add.cidV1()
        + "\"}"));
    client.expect(200, client.get("/names?limit=10"));
    client.expect(400, client.get("/names?limit=0"));
    client.expect(200, client.get("/names/" + name));
    client.expect(404, client.get("/names/ghost-" + RUN));
    client.expect(200, client.get("/names/" + name + "/latest"));
    client.expect(404, client.get("/names/" + name + "/nine"));
  }
}
