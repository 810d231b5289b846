package io.wasmhive.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.platform.testing.httpfuzz.FuzzReport;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * workflow-service under hostile HTTP in local mode (no credentials; every request is the local administrator), in
 * the default context of {@code WorkflowsIntegrationTests}.
 */
@ServiceIntegrationTest
class WorkflowLocalHttpFuzzIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Test
  void hostileRequestsInLocalModeGetNoServerErrorAndOnlyShapedErrors() {
    FuzzReport report = WorkflowFuzz.fuzzer(context, port).requests(120)
        .afterwards(FuzzRequest.of("GET", "/wasm/health"), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }
}
