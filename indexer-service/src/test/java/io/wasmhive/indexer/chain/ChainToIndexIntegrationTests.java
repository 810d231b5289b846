package io.wasmhive.indexer.chain;

import io.wasmhive.platform.testing.AnvilProcess;
import static io.wasmhive.indexer.chain.DevChain.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.testing.IndexerApps;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * From the chain to the module store: a {@code WasmCreated} on a real dev chain makes the indexer fetch the
 * CID from a gateway (a second indexer) and record the registry id as an alias; a {@code WasmUpdated} indexes
 * the new CID under the same id; an entry whose hash is no CID is skipped without stopping the watcher.
 */
class ChainToIndexIntegrationTests {

  @TempDir
  Path dataDir;

  @Test
  void registryEntriesAreIndexedWithTheirIdAsAlias() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(); DevChain chain = new DevChain(anvil.url());
        ConfigurableApplicationContext gateway = IndexerApps.start(dataDir.resolve("gateway"))) {
      String registry = chain.deployRegistry();
      IndexerHttp gatewayHttp = new IndexerHttp(IndexerApps.port(gateway));
      String first = gatewayHttp.postBytes("/modules", IndexerHttp.moduleOfSize(9_000)).json().get("cid_v1").asString();
      String second = gatewayHttp.postBytes("/modules", IndexerHttp.moduleOfSize(600 * 1024)).json().get("cid_v0")
          .asString();
      try (ConfigurableApplicationContext indexer = IndexerApps.start(dataDir.resolve("indexer"),
          "indexer.fetch.gateways=" + IndexerApps.url(gateway), "indexer.chain.enabled=true",
          "indexer.chain.rpc-url=" + anvil.url(), "indexer.chain.registry-address=" + registry,
          "indexer.chain.confirmations=0", "indexer.chain.poll-interval=50ms")) {
        IndexerHttp http = new IndexerHttp(IndexerApps.port(indexer));
        chain.create(registry, 0, id("not-a-cid"), "definitely not a cid");
        chain.create(registry, 0, id("greeter"), first);
        await().atMost(Duration.ofSeconds(20)).until(() -> pinned(http, id("greeter")));
        assertThat(http.get("/modules/" + id("greeter")).json().get("cid_v1").asString()).isEqualTo(first);

        chain.update(registry, 0, id("greeter"), second);
        await().atMost(Duration.ofSeconds(20)).until(() -> pinned(http, second));
        assertThat(http.get("/modules/" + second).json().get("aliases").toString()).contains(id("greeter"));
        assertThat(http.get("/modules/" + id("not-a-cid")).status()).isEqualTo(404);
      }
    }
  }

  private static boolean pinned(IndexerHttp http, String reference) {
    IndexerHttp.Reply reply = http.get("/modules/" + reference);
    return reply.status() == 200 && reply.json().get("status").asString().equals("pinned");
  }
}
