package io.wasmhive.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.testing.ContractClient;
import io.wasmhive.platform.testing.OpenApiContract;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * indexer-service's OpenAPI document: committed, complete, and true to real responses (ADR 0025). The requests are
 * the kinds the integration tests make, a success and an error of each operation, in the plain test context.
 */
@ServiceIntegrationTest
class IndexerOpenApiContractTests extends OpenApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected String service() {
    return "indexer-service";
  }

  @Override
  protected void exchanges(ContractClient client) throws Exception {
    byte[] wasm = IndexerHttp.moduleOfSize(3_000);
    JsonNode stored = JSON.readTree(client.postFile("/modules", "wasm", "m.wasm", wasm).body());
    client.expect(200, client.post("/modules", "application/wasm", wasm));
    client.expect(400, client.post("/modules", "application/wasm", "not wasm".getBytes(StandardCharsets.UTF_8)));
    client.expect(400, client.post("/modules", "application/wasm", new byte[0]));
    String cid = stored.path("cid_v1").asString();

    client.expect(200, client.get("/modules/" + stored.path("sha256").asString()));
    client.expect(404, client.get("/modules/" + "0".repeat(64)));
    client.expect(200, client.get("/modules?limit=5"));
    client.expect(400, client.get("/modules?limit=0"));

    client.expect(200, client.post("/index", "{\"cid\":\"" + cid + "\",\"alias\":\"contract-module\"}"));
    String absent = Cid.rawOf(IndexerHttp.moduleOfSize(2_000)).toString();
    client.expect(202, client.post("/index", "{\"cid\":\"" + absent + "\"}"));
    client.expect(400, client.post("/index", "{\"alias\":\"x\"}"));
    client.expect(400, client.post("/index", "{\"cid\":\"not a cid\"}"));
    client.expect(200, client.get("/modules/" + absent));
    client.expect(200, client.get("/index/" + absent));
    client.expect(404, client.get("/index/" + Cid.rawOf(IndexerHttp.moduleOfSize(1_000))));
    client.expect(400, client.get("/index/not-a-cid"));
    client.expect(200, client.get("/index?status=queued"));
    client.expect(400, client.get("/index?status=lost"));

    client.expect(200, client.get("/ipfs/" + cid));
    client.expect(200, client.get("/ipfs/" + cid + "?format=raw"));
    client.expect(200, client.get("/ipfs/" + cid + "?format=car"));
    client.expect(400, client.get("/ipfs/" + cid + "?format=zip"));
    client.expect(404, client.get("/ipfs/" + absent));
    client.expect(200, client.head("/ipfs/" + cid));
    client.expect(404, client.head("/ipfs/" + absent));
  }
}
