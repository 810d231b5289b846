package io.wasmhive.procedure;

import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts procedure-service, on port 8083 unless {@code --server.port} says otherwise. */
@SpringBootApplication
public class ProcedureApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(ProcedureApplication.class, args)) {
      return;
    }
    SpringApplication.run(ProcedureApplication.class, args);
  }
}
