package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.DerivationClient.KV_SCHEMA;
import static io.wasmhive.procedure.api.DerivationClient.reducer;
import static io.wasmhive.procedure.api.HttpProbe.base64;
import static io.wasmhive.procedure.api.HttpProbe.bytes;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ContractClient;
import io.wasmhive.platform.testing.OpenApiContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * procedure-service's OpenAPI document: committed, complete, and true to real responses (ADR 0025). The requests
 * are the kinds the integration tests make (seed 003's flow, uploads in three forms, derivations), a success and an
 * error of each operation, in the plain test context.
 */
@ServiceIntegrationTest
class ProcedureOpenApiContractTests extends OpenApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Names of this run: the plain context's data directory outlives it. */
  private static final String RUN = Long.toHexString(System.currentTimeMillis());

  @Override
  protected String service() {
    return "procedure-service";
  }

  @Override
  protected Set<String> withoutErrorCase() {
    return Set.of("GET /admin/api-keys", "GET /health");
  }

  @Override
  protected void exchanges(ContractClient client) throws Exception {
    procedures(client);
    derivations(client);
    client.expect(200, client.get("/health"));
  }

  private static void procedures(ContractClient client) throws Exception {
    String seed = json(Map.of("name", "discount_" + RUN, "entry", "calculate_discount", "language", "wasm",
        "wasm_base64", base64("c-add.wasm"),
        "params", List.of(Map.of("name", "price", "data_type", "FLOAT"), Map.of("name", "tier", "data_type", "INT")),
        "return_type", "FLOAT", "description", "Calculate discount based on tier"));
    client.expect(201, client.post("/procedures", seed));
    client.expect(409, client.post("/procedures", seed));
    client.expect(400, client.post("/procedures", "{\"name\":\"x\"}"));
    String meta = json(Map.of("name", "mp_" + RUN, "language", "wasm", "entry", "add",
        "params", List.of(Map.of("name", "a", "data_type", "INT"), Map.of("name", "b", "data_type", "INT")),
        "return_type", "INT"));
    client.expect(201, client.postFile("/procedures?meta=" + URLEncoder.encode(meta, StandardCharsets.UTF_8),
        "wasm", "add.wasm", bytes("c-add.wasm")));
    client.expect(201, client.post("/procedures?name=raw_" + RUN
        + "&language=wasm&entry=add&params=a:INT,b:INT&return_type=INT", "application/wasm", bytes("c-add.wasm")));
    client.expect(400, client.post("/procedures?name=contract_bad", "application/wasm", new byte[] {1, 2, 3}));

    client.expect(200, client.get("/procedures"));
    client.expect(400, client.get("/procedures", "X-Mindb-Database", "not a database!"));
    client.expect(200, client.get("/procedures/discount_" + RUN));
    client.expect(404, client.get("/procedures/ghost"));
    client.expect(200, client.post("/procedures/discount_" + RUN + "/call", "{\"args\": [100.0, 2]}"));
    client.expect(400, client.post("/procedures/raw_" + RUN + "/call", "{\"args\": [1]}"));
    client.expect(404, client.post("/procedures/ghost/call", "{\"args\": []}"));
    client.expect(200, client.delete("/procedures/raw_" + RUN));
    client.expect(404, client.delete("/procedures/raw_" + RUN));
  }

  private static void derivations(ContractClient client) throws Exception {
    String kv = json(Map.of("name", "kv_" + RUN, "wasm_base64", reducer("derive-kv.wasm"), "schema", KV_SCHEMA));
    client.expect(201, client.post("/derivations", kv));
    client.expect(409, client.post("/derivations", kv));
    client.expect(400, client.post("/derivations", json(Map.of("name", "no_wasm", "schema", KV_SCHEMA))));
    String schema = URLEncoder.encode(KV_SCHEMA, StandardCharsets.UTF_8);
    byte[] reducerBytes = java.util.Base64.getDecoder().decode(reducer("derive-kv.wasm"));
    client.expect(201, client.post("/derivations?name=raw_" + RUN + "&schema=" + schema, "application/wasm",
        reducerBytes));
    String meta = URLEncoder.encode(json(Map.of("name", "mp_" + RUN, "schema", KV_SCHEMA)), StandardCharsets.UTF_8);
    client.expect(201, client.postFile("/derivations?meta=" + meta, "wasm", "kv.wasm", reducerBytes));

    client.expect(200, client.post("/derivations/kv_" + RUN + "/messages", json(Map.of("message", List.of(1, "one")))));
    client.expect(200, client.post("/derivations/kv_" + RUN + "/messages",
        json(Map.of("messages", List.of(List.of(2, "two"), List.of(1, "dup"))))));
    client.expect(400, client.post("/derivations/kv_" + RUN + "/messages", "{}"));
    client.expect(404, client.post("/derivations/ghost/messages", json(Map.of("message", 1))));
    String stateHash = JSON.readTree(client.expect(200, client.get("/derivations/kv_" + RUN))).path("state_hash")
        .asString();
    client.expect(404, client.get("/derivations/ghost"));
    client.expect(200, client.post("/derivations/kv_" + RUN + "/query",
        json(Map.of("sql", "SELECT k, v FROM kv ORDER BY k"))));
    client.expect(400, client.post("/derivations/kv_" + RUN + "/query", json(Map.of("sql", "DELETE FROM kv"))));
    JsonNode log = JSON.readTree(client.get("/derivations/kv_" + RUN + "/messages?from=1&limit=10").body());
    client.expect(400, client.get("/derivations/kv_" + RUN + "/messages?limit=0"));

    String snapshot = client.get("/derivations/kv_" + RUN + "/snapshot").body();
    client.expect(404, client.get("/derivations/ghost/snapshot"));
    client.expect(201, client.post("/derivations/kv_" + RUN + "/snapshot", snapshot));
    client.expect(400, client.post("/derivations/raw_" + RUN + "/snapshot", snapshot));
    client.expect(404, client.post("/derivations/ghost/snapshot", snapshot));

    List<JsonNode> messages = log.path("messages").valueStream().map(m -> m.path("message")).toList();
    client.expect(200, client.post("/derivations/verify", JSON.writeValueAsString(Map.of("wasm_base64",
        reducer("derive-kv.wasm"), "schema", KV_SCHEMA, "messages", messages, "expected_state_hash", stateHash))));
    client.expect(400, client.post("/derivations/verify", json(Map.of("wasm_base64", reducer("derive-kv.wasm")))));
  }
}
