package io.wasmhive.indexer.testing;

import io.wasmhive.indexer.IndexerApplication;
import io.wasmhive.platform.testing.ServiceApps;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole indexer applications for tests, each on its own ephemeral ports and embedded stores. */
public final class IndexerApps {

  private IndexerApps() {
  }

  private static final List<String> DEFAULTS = List.of(
      // Quick redelivery and reclaiming, so retries and take-overs happen within a test.
      "indexer.index.retry-after=500ms",
      "indexer.index.lease=2s",
      "wasmhive.events.consumer.claim-interval=200ms",
      "wasmhive.events.consumer.block-timeout=200ms");

  /** An indexer on loopback with its data under {@code dataDir} and the given extra properties. */
  public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
    return ServiceApps.start(IndexerApplication.class, dataDir, DEFAULTS, properties);
  }

  public static int port(ConfigurableApplicationContext app) {
    return ServiceApps.port(app);
  }

  public static String url(ConfigurableApplicationContext app) {
    return ServiceApps.url(app);
  }
}
