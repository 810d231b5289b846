package io.wasmhive.workflow;

import io.wasmhive.platform.security.ApiKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts workflow-service, on port 8081 unless {@code --server.port} says otherwise. */
@SpringBootApplication
public class WorkflowApplication {

  public static void main(String[] args) {
    if (ApiKeyCommand.run(WorkflowApplication.class, args)) {
      return;
    }
    SpringApplication.run(WorkflowApplication.class, args);
  }
}
