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
    assertThat(client.post("/modules", "application/wasm", wasm).statusCode()).isEqualTo(200);
    assertThat(client.post("/modules", "application/wasm", "not wasm".getBytes(StandardCharsets.UTF_8))
        .statusCode()).isEqualTo(400);
    assertThat(client.post("/modules", "application/wasm", new byte[0]).statusCode()).isEqualTo(400);
    String cid = stored.path("cid_v1").asString();

    assertThat(client.get("/modules/" + stored.path("sha256").asString()).statusCode()).isEqualTo(200);
    assertThat(client.get("/modules/" + "0".repeat(64)).statusCode()).isEqualTo(404);
    assertThat(client.get("/modules?limit=5").statusCode()).isEqualTo(200);
    assertThat(client.get("/modules?limit=0").statusCode()).isEqualTo(400);

    assertThat(client.post("/index", "{\"cid\":\"" + cid + "\",\"alias\":\"contract-module\"}").statusCode())
        .isEqualTo(200);
    String absent = Cid.rawOf(IndexerHttp.moduleOfSize(2_000)).toString();
    assertThat(client.post("/index", "{\"cid\":\"" + absent + "\"}").statusCode()).isEqualTo(202);
    assertThat(client.post("/index", "{\"alias\":\"x\"}").statusCode()).isEqualTo(400);
    assertThat(client.post("/index", "{\"cid\":\"not a cid\"}").statusCode()).isEqualTo(400);
    assertThat(client.get("/modules/" + absent).statusCode()).isEqualTo(200);
    assertThat(client.get("/index/" + absent).statusCode()).isEqualTo(200);
    assertThat(client.get("/index/" + Cid.rawOf(IndexerHttp.moduleOfSize(1_000))).statusCode()).isEqualTo(404);
    assertThat(client.get("/index/not-a-cid").statusCode()).isEqualTo(400);
    assertThat(client.get("/index?status=queued").statusCode()).isEqualTo(200);
    assertThat(client.get("/index?status=lost").statusCode()).isEqualTo(400);

    assertThat(client.get("/ipfs/" + cid).statusCode()).isEqualTo(200);
    assertThat(client.get("/ipfs/" + cid + "?format=raw").statusCode()).isEqualTo(200);
    assertThat(client.get("/ipfs/" + cid + "?format=car").statusCode()).isEqualTo(200);
    assertThat(client.get("/ipfs/" + cid + "?format=zip").statusCode()).isEqualTo(400);
    assertThat(client.get("/ipfs/" + absent).statusCode()).isEqualTo(404);
    assertThat(client.head("/ipfs/" + cid).statusCode()).isEqualTo(200);
    assertThat(client.head("/ipfs/" + absent).statusCode()).isEqualTo(404);
  }
}
