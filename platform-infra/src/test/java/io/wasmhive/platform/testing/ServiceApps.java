package io.wasmhive.platform.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole service applications for tests: on loopback and an ephemeral port, with embedded MongoDB and Redis of
 * their own on ephemeral ports and data under a given directory — or sharing another application's stores.
 * Settings are passed as command-line arguments, which outrank the service's {@code application.yml} (default
 * properties would not); a key given twice keeps the last value (Spring would otherwise read a list).
 */
public final class ServiceApps {

  private ServiceApps() {
  }

  /**
   * Starts {@code application} with its data under {@code dataDir}, the service's own test {@code defaults}, then
   * {@code properties} ({@code key=value}; later keys replace earlier ones).
   */
  public static ConfigurableApplicationContext start(Class<?> application, Path dataDir, List<String> defaults,
      String... properties) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String property : List.of("server.port=0", "server.address=127.0.0.1", "management.server.port=0",
        "wasmhive.embedded.mongo.port=0",
        "wasmhive.embedded.redis.port=0", "wasmhive.data-dir=" + dataDir)) {
      put(byKey, property);
    }
    defaults.forEach(property -> put(byKey, property));
    for (String property : properties) {
      put(byKey, property);
    }
    return new SpringApplicationBuilder(application)
        .run(byKey.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }

  private static void put(Map<String, String> byKey, String property) {
    int eq = property.indexOf('=');
    if (eq < 1) {
      throw new IllegalArgumentException("expected key=value, got " + property);
    }
    byKey.put(property.substring(0, eq), property.substring(eq + 1));
  }

  /** The port the application's web server listens on (Spring Boot publishes it as {@code local.server.port}). */
  public static int port(ConfigurableApplicationContext app) {
    Integer port = app.getEnvironment().getProperty("local.server.port", Integer.class);
    if (port == null) {
      throw new IllegalStateException("the application runs no web server");
    }
    return port;
  }

  public static String url(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + port(app);
  }

  /** The properties that make another application use this one's Redis and MongoDB. */
  public static String[] sharingStoresOf(ConfigurableApplicationContext app) {
    int redis = app.getBean(DataRedisConnectionDetails.class).getStandalone().getPort();
    String mongo = app.getBean(MongoConnectionDetails.class).getConnectionString().toString();
    return new String[] {"spring.data.redis.url=redis://127.0.0.1:" + redis, "spring.mongodb.uri=" + mongo};
  }
}
