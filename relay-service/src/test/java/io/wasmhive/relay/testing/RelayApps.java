package io.wasmhive.relay.testing;

import io.wasmhive.platform.testing.ServiceApps;
import io.wasmhive.relay.RelayApplication;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole relay applications for tests, on loopback, with quick consumers and small executor pools. */
public final class RelayApps {

  private static final List<String> DEFAULTS = List.of(
      "WASM_INITIAL_WORKERS=1",
      "WASM_MAX_WORKERS=4",
      "relay.executor.claim-interval=200ms",
      "wasmhive.events.follow.block-timeout=200ms",
      "wasmhive.events.consumer.block-timeout=200ms");

  private RelayApps() {
  }

  /** A relay with its own embedded stores under {@code dataDir} and the given extra properties. */
  public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
    return ServiceApps.start(RelayApplication.class, dataDir, DEFAULTS, properties);
  }

  /** The properties that make another application use this one's Redis and MongoDB. */
  public static String[] sharingStoresOf(ConfigurableApplicationContext app) {
    return ServiceApps.sharingStoresOf(app);
  }
}
