package io.wasmhive.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.testing.IndexerApps;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Through the whole index path, nothing wrong is ever stored: a gateway that lies (answers other bytes for every
 * CID) comes first; with an honest indexer behind it the module is stored from the honest one, and without one the
 * job fails and the store stays empty.
 */
class IndexFromLyingGatewaysIntegrationTests {

  @TempDir
  Path dataDir;

  HttpServer liar;
  final AtomicInteger lies = new AtomicInteger();

  @BeforeEach
  void startLiar() throws IOException {
    liar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] other = IndexerHttp.moduleOfSize(2_000);
    liar.createContext("/ipfs/", exchange -> {
      lies.incrementAndGet();
      exchange.sendResponseHeaders(200, other.length);
      exchange.getResponseBody().write(other);
      exchange.close();
    });
    liar.start();
  }

  @AfterEach
  void stopLiar() {
    liar.stop(0);
  }

  @Test
  void aLiarAheadOfAnHonestGatewayIsPassedOverAndOnlyTheTrueBytesAreStored() {
    try (ConfigurableApplicationContext honest = IndexerApps.start(dataDir.resolve("honest"))) {
      byte[] wasm = IndexerHttp.moduleOfSize(15_000);
      String cid = new IndexerHttp(IndexerApps.port(honest)).postBytes("/modules", wasm).json().get("cid_v1")
          .asString();
      try (ConfigurableApplicationContext indexer = IndexerApps.start(dataDir.resolve("indexer"),
          "indexer.fetch.gateways=" + liarUrl() + "," + IndexerApps.url(honest), "indexer.fetch.hedge-delay=0")) {
        IndexerHttp http = new IndexerHttp(IndexerApps.port(indexer));
        assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(http, cid).equals("pinned"));
        assertThat(lies.get()).isPositive();
        assertThat(indexer.getBean(ModuleStore.class).bytes(ModuleAddresses.sha256(wasm)))
            .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(wasm));
        assertThat(indexer.getBean(ModuleStore.class).count()).isEqualTo(1);
      }
    }
  }

  @Test
  void withOnlyALiarTheJobFailsAndNothingIsStored() {
    String cid = Cid.rawOf(IndexerHttp.moduleOfSize(3_000)).toString();
    try (ConfigurableApplicationContext indexer = IndexerApps.start(dataDir.resolve("alone"),
        "indexer.fetch.gateways=" + liarUrl(), "indexer.index.max-attempts=2", "indexer.fetch.retry.max-attempts=1")) {
      IndexerHttp http = new IndexerHttp(IndexerApps.port(indexer));
      assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> status(http, cid).equals("failed"));
      assertThat(http.get("/modules/" + cid).json().get("gateway_failures").toString()).contains("HASH_MISMATCH");
      assertThat(indexer.getBean(ModuleStore.class).count()).isZero();
    }
  }

  private String liarUrl() {
    return "http://127.0.0.1:" + liar.getAddress().getPort();
  }

  private static String status(IndexerHttp http, String cid) {
    IndexerHttp.Reply reply = http.get("/modules/" + cid);
    return reply.status() == 200 ? reply.json().get("status").asString() : "http-" + reply.status();
  }
}
