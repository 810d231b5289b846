package io.wasmhive.indexer.testing;

import io.wasmhive.indexer.IndexerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole indexer applications for tests, each on its own ephemeral ports and embedded stores. */
public final class IndexerApps {

  private IndexerApps() {
  }

  /** An indexer on loopback with its data under {@code dataDir} and the given extra properties. */
  public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "server.port=0",
        "server.address=127.0.0.1",
        "wasmhive.embedded.mongo.port=0",
        "wasmhive.embedded.redis.port=0",
        "wasmhive.data-dir=" + dataDir,
        // Quick redelivery and reclaiming, so retries and take-overs happen within a test.
        "indexer.index.retry-after=500ms",
        "indexer.index.lease=2s",
        "wasmhive.events.consumer.claim-interval=200ms",
        "wasmhive.events.consumer.block-timeout=200ms"));
    all.addAll(List.of(properties));
    // Command-line arguments: they outrank application.yml (server.port 8082), as default properties do not.
    return new SpringApplicationBuilder(IndexerApplication.class).run(all.stream().map(p -> "--" + p)
        .toArray(String[]::new));
  }

  public static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  public static String url(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + port(app);
  }
}
