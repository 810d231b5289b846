package io.wasmhive.relay.testing;

import io.wasmhive.relay.RelayApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole relay applications for tests, on loopback, with quick consumers and small executor pools. */
public final class RelayApps {

  private RelayApps() {
  }

  /** A relay with its own embedded stores under {@code dataDir} and the given extra properties. */
  public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "server.port=0",
        "server.address=127.0.0.1",
        "wasmhive.embedded.mongo.port=0",
        "wasmhive.embedded.redis.port=0",
        "wasmhive.data-dir=" + dataDir,
        "WASM_INITIAL_WORKERS=1",
        "WASM_MAX_WORKERS=4",
        "relay.executor.claim-interval=200ms",
        "relay.executor.read-block=200ms",
        "wasmhive.events.consumer.block-timeout=200ms"));
    all.addAll(List.of(properties));
    // A property given twice is a list to Spring ("200ms,200ms"): the caller's value replaces the default.
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String property : all) {
      int eq = property.indexOf('=');
      byKey.put(property.substring(0, eq), property.substring(eq + 1));
    }
    return new SpringApplicationBuilder(RelayApplication.class)
        .run(byKey.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }

  /** The properties that make another application use this one's Redis and MongoDB. */
  public static String[] sharingStoresOf(ConfigurableApplicationContext app) {
    int redis = app.getBean(DataRedisConnectionDetails.class).getStandalone().getPort();
    String mongo = app.getBean(MongoConnectionDetails.class).getConnectionString().toString();
    return new String[] {"spring.data.redis.url=redis://127.0.0.1:" + redis, "spring.mongodb.uri=" + mongo};
  }
}
