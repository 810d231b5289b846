package io.wasmhive.indexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts indexer-service, on port 8082 unless {@code --server.port} says otherwise. */
@SpringBootApplication
public class IndexerApplication {

  public static void main(String[] args) {
    SpringApplication.run(IndexerApplication.class, args);
  }
}
