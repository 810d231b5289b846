package io.wasmhive.workflow;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts workflow-service, on port 8081 unless {@code --server.port} says otherwise. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "workflow-service", version = "0.1.0", description =
    "The Ditto SDK's workflows: stored serialized workflows, their runs (WebAssembly steps, "
    + "chain calls and transactions), schedules and event triggers, run events over Server-Sent "
    + "Events, and the Ditto WASM server API under /wasm."))
public class WorkflowApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(WorkflowApplication.class, args)) {
      return;
    }
    SpringApplication.run(WorkflowApplication.class, args);
  }
}
