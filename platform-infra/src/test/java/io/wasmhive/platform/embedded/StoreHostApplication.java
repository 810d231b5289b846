package io.wasmhive.platform.embedded;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A service in its own JVM that does nothing but start or join the embedded stores, as each of
 * the four services does (the same auto-configuration, without the clients, which start quicker), so a test can kill it with SIGKILL and restart it on the same data
 * directory. It runs until SIGTERM, which closes the context and stops the stores it owns.
 */
@SpringBootConfiguration
@ImportAutoConfiguration(EmbeddedStoresAutoConfiguration.class)
public class StoreHostApplication {

  /** Starts the context and blocks until the JVM is stopped. */
  public static void main(String[] args) throws InterruptedException {
    new SpringApplicationBuilder(StoreHostApplication.class).web(WebApplicationType.NONE).run(args);
    Thread.currentThread().join();
  }
}
