package io.wasmhive.procedure;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts procedure-service, on port 8083 unless {@code --server.port} says otherwise. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "procedure-service", version = "0.1.0", description =
    "Seed 003's stored procedures (WebAssembly functions created and called by name, "
    + "namespaced by X-Mindb-Database) and derivations (state derived by a reducer from an "
    + "append-only message log)."))
public class ProcedureApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(ProcedureApplication.class, args)) {
      return;
    }
    SpringApplication.run(ProcedureApplication.class, args);
  }
}
