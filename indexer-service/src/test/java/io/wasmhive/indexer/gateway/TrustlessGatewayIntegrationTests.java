package io.wasmhive.indexer.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.modules.IndexerHttp.Reply;
import io.wasmhive.platform.ipfs.CarFiles;
import io.wasmhive.platform.ipfs.CarReader;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.Codec;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import io.wasmhive.platform.testing.httpfuzz.FuzzResponse;
import io.wasmhive.platform.testing.httpfuzz.RawHttp;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The indexer as a trustless gateway: what it serves verifies against the CIDs it was asked for. */
@ServiceIntegrationTest
class TrustlessGatewayIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ModuleStore store;

  IndexerHttp http;

  @BeforeEach
  void client() {
    http = new IndexerHttp(port);
  }

  @Test
  void aSingleBlockModuleIsServedRawByItsRawCidAndAsAFile() {
    byte[] wasm = IndexerHttp.moduleOfSize(10_000);
    store.put(wasm, ModuleOrigin.of("test"));
    Cid raw = Cid.rawOf(wasm);
    Reply block = http.get("/ipfs/" + raw + "?format=raw");
    assertThat(block.status()).isEqualTo(200);
    assertThat(block.raw().headers().firstValue("Content-Type")).hasValue("application/vnd.ipld.raw");
    assertThat(raw.verifies(block.bytes())).isTrue();
    assertThat(block.bytes()).isEqualTo(wasm);
    assertThat(block.raw().headers().firstValue("ETag")).hasValue("\"" + raw + ".raw\"");

    Reply viaAccept = http.get("/ipfs/" + raw, "Accept", "application/vnd.ipld.raw");
    assertThat(viaAccept.bytes()).isEqualTo(wasm);
    Reply file = http.get("/ipfs/" + raw);
    assertThat(file.raw().headers().firstValue("Content-Type")).hasValue("application/wasm");
    assertThat(file.bytes()).isEqualTo(wasm);
  }

  @Test
  void aMultiChunkModuleIsServedAsAVerifiableCarInBothLayouts() throws Exception {
    byte[] wasm = IndexerHttp.moduleOfSize(700 * 1024);
    store.put(wasm, ModuleOrigin.of("test"));
    for (Cid root : new Cid[] {UnixFsImporter.cidV0().cidOf(wasm), UnixFsImporter.cidV1().cidOf(wasm),
        UnixFsImporter.cidV0().cidOf(wasm).toV1()}) {
      Reply car = http.get("/ipfs/" + root + "?format=car");
      assertThat(car.status()).as(root.toString()).isEqualTo(200);
      assertThat(car.raw().headers().firstValue("Content-Type")).hasValue("application/vnd.ipld.car;version=1");
      byte[] file = CarFiles.readFile(new BufferedInputStream(new ByteArrayInputStream(car.bytes())), root,
          2L * wasm.length, wasm.length);
      assertThat(file).isEqualTo(wasm);
      try (var in = new BufferedInputStream(new ByteArrayInputStream(car.bytes()))) {
        CarReader reader = CarReader.open(in, car.bytes().length);
        int blocks = 0;
        while (reader.next() != null) {
          blocks++;
        }
        assertThat(blocks).as("root + 3 chunks of 256 KiB").isEqualTo(4);
      }
      Reply rootBlock = http.get("/ipfs/" + root + "?format=raw");
      assertThat(root.verifies(rootBlock.bytes())).isTrue();
      assertThat(root.codec()).isEqualTo(Codec.DAG_PB);
    }
  }

  @Test
  void headAnswersTheHeadersWithoutABody() {
    byte[] wasm = IndexerHttp.moduleOfSize(4_000);
    store.put(wasm, ModuleOrigin.of("test"));
    Reply head = http.head("/ipfs/" + Cid.rawOf(wasm) + "?format=raw");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.raw().headers().firstValueAsLong("Content-Length")).hasValue(4_000);
    assertThat(head.bytes()).isEmpty();
  }

  @Test
  void badRequestsGetClearErrors() throws Exception {
    byte[] wasm = IndexerHttp.moduleOfSize(4_000);
    store.put(wasm, ModuleOrigin.of("test"));
    assertError(http.get("/ipfs/not-a-cid?format=raw"), 400, "INVALID_CID");
    assertError(http.get("/ipfs/" + Cid.rawOf(wasm) + "?format=tar"), 400, "BAD_REQUEST");
    // Found by the HTTP fuzzer (docs/fuzzing-http.md): a parameter Tomcat cannot decode was a 500.
    FuzzResponse undecodable = new RawHttp(port, java.time.Duration.ofSeconds(10))
        .send(FuzzRequest.of("GET", "/ipfs/" + Cid.rawOf(wasm) + "?format=%zz"));
    assertThat(undecodable.status()).as(undecodable.describe()).isEqualTo(400);
    assertThat(undecodable.text()).contains("\"code\":\"BAD_REQUEST\"").doesNotContain("%zz", "Exception");
    assertError(http.get("/ipfs/" + Cid.rawOf(new byte[] {1, 2}) + "?format=raw"), 404, "NOT_FOUND");
    assertError(http.head("/ipfs/" + Cid.rawOf(new byte[] {1, 2})), 404, null);
    // A verifying client accepts only blocks or CARs: the error is still a 404 in JSON, never a 500 that would
    // make it retry a gateway that simply lacks the CID.
    assertError(http.get("/ipfs/" + Cid.rawOf(new byte[] {1, 2}) + "?format=raw", "Accept",
        "application/vnd.ipld.raw"), 404, "NOT_FOUND");
    assertError(http.get("/ipfs/" + Cid.rawOf(new byte[] {1, 2}) + "?format=car", "Accept",
        "application/vnd.ipld.car"), 404, "NOT_FOUND");
  }

  private static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as(new String(reply.bytes())).isEqualTo(status);
    if (code != null) {
      assertThat(reply.code()).isEqualTo(code);
    }
  }
}
