package io.wasmhive.indexer;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts indexer-service, on port 8082 unless {@code --server.port} says otherwise. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "indexer-service", version = "0.1.0", description = "Stores WebAssembly "
    + "modules by content address: uploads, index jobs that fetch a CID from IPFS gateways, and a trustless gateway "
    + "serving the stored modules (raw blocks, CAR, or the module's bytes). ADR 0025 describes this document."))
public class IndexerApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(IndexerApplication.class, args)) {
      return;
    }
    SpringApplication.run(IndexerApplication.class, args);
  }
}
