package io.wasmhive.relay;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts relay-service, on port 8080 unless {@code --server.port} says otherwise. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "relay-service", version = "0.1.0", description =
    "Seed 001's relay: runs stored WebAssembly modules for web UIs and SDK clients under a "
    + "policy, with rate limits, idempotency, permission checks and Server-Sent Events of each "
    + "execution's lifecycle; names (glyph://) for modules."))
@EnableConfigurationProperties(RelayProperties.class)
public class RelayApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(RelayApplication.class, args)) {
      return;
    }
    SpringApplication.run(RelayApplication.class, args);
  }
}
