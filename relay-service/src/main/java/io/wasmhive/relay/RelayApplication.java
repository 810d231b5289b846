package io.wasmhive.relay;

import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts relay-service, on port 8080 unless {@code --server.port} says otherwise. */
@SpringBootApplication
@EnableConfigurationProperties(RelayProperties.class)
public class RelayApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(RelayApplication.class, args)) {
      return;
    }
    SpringApplication.run(RelayApplication.class, args);
  }
}
