package io.wasmhive.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.testing.httpfuzz.FuzzReport;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every endpoint of workflow-service under hostile HTTP (docs/fuzzing-http.md), in the secure context the access
 * tests share: as an administrator, so that requests reach the handlers, and without credentials. No answer is a
 * 5xx, every error is in the shape of its API, none shows internals.
 */
@SecureServiceTest
class WorkflowHttpFuzzIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  ApiKeys keys;

  @Test
  void hostileRequestsOfAnAdministratorGetNoServerErrorAndOnlyShapedErrors() {
    String admin = "Bearer " + keys.issue("fuzz-" + UUID.randomUUID(), "fuzz-" + UUID.randomUUID(),
        List.of(Roles.ADMIN)).token();
    FuzzReport report = WorkflowFuzz.fuzzer(context, port).header("Authorization", admin).requests(250)
        .afterwards(FuzzRequest.of("GET", "/wasm/health").header("Authorization", admin), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }

  @Test
  void hostileRequestsWithoutCredentialsAreRefusedInTheServicesShape() {
    FuzzReport report = WorkflowFuzz.fuzzer(context, port).requests(80).run();
    assertThat(report.statuses()).containsKey(401);
  }
}
