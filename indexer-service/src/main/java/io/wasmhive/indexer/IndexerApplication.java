package io.wasmhive.indexer;

import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts indexer-service, on port 8082 unless {@code --server.port} says otherwise. */
@SpringBootApplication
public class IndexerApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(IndexerApplication.class, args)) {
      return;
    }
    SpringApplication.run(IndexerApplication.class, args);
  }
}
