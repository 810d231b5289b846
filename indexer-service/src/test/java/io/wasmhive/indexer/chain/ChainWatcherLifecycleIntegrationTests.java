package io.wasmhive.indexer.chain;

import io.wasmhive.platform.testing.AnvilProcess;
import static io.wasmhive.indexer.chain.DevChain.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.indexer.IndexerApplication;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The watcher as the application runs it: enabled by configuration, it polls on its own thread, backs off
 * and offers a refused event again, and its thread ends when the application closes.
 */
class ChainWatcherLifecycleIntegrationTests {

  @TempDir
  Path dataDir;

  @Test
  void theEnabledWatcherDeliversRetriesARefusalAndStopsWithTheApplication() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(); DevChain chain = new DevChain(anvil.url())) {
      String registry = chain.deployRegistry();
      RecordingSink sink = new RecordingSink(1);
      ConfigurableApplicationContext app = start(anvil.url(), registry, sink);
      ChainWatcherLifecycle lifecycle = app.getBean(ChainWatcherLifecycle.class);
      try {
        chain.create(registry, 0, id("life"), "QmLife");
        chain.mine(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.accepted.size() == 1);
        chain.create(registry, 1, id("life2"), "QmLife2");
        chain.mine(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.accepted.size() == 2);

        assertThat(sink.accepted).extracting(RegistryEvent::id).containsExactly(id("life"), id("life2"));
        assertThat(sink.offered).as("the refused first offer, then each event once").hasValue(3);
        assertThat(watcherThreadAlive()).isTrue();
      } finally {
        app.close();
      }
      assertThat(lifecycle.isRunning()).isFalse();
      assertThat(watcherThreadAlive()).isFalse();
    }
  }

  private ConfigurableApplicationContext start(String rpcUrl, String registry, RegistryEventSink sink) {
    // Command-line arguments: they outrank application.yml's server.port, as default properties do not.
    return new SpringApplicationBuilder(IndexerApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("recordingSink", sink))
        .run(
            "--server.port=0", "--management.server.port=0",
            "--server.address=127.0.0.1",
            "--wasmhive.embedded.mongo.port=0",
            "--wasmhive.embedded.redis.port=0",
            "--wasmhive.data-dir=" + dataDir,
            "--indexer.chain.enabled=true",
            // Through the ETH_RPC_URL placeholder of application.yml, as a deployment would set it.
            "--ETH_RPC_URL=" + rpcUrl,
            "--indexer.chain.registry-address=" + registry,
            "--indexer.chain.confirmations=1",
            "--indexer.chain.poll-interval=50ms",
            "--indexer.chain.max-backoff=200ms");
  }

  private static boolean watcherThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("chain-watcher") && thread.isAlive());
  }
}
