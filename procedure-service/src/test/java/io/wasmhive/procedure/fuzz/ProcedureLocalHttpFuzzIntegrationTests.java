package io.wasmhive.procedure.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.platform.testing.httpfuzz.FuzzReport;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * procedure-service under hostile HTTP in local mode (no credentials; every request is the local administrator), in
 * the context of {@code ProcedureApiIntegrationTests} with its small body and module limits.
 */
@ServiceIntegrationTest
// A data directory of its own: the H2 file of another cached context would be locked.
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/api", "procedure.max-body-size=1MB",
    "procedure.max-module-size=64KB"})
class ProcedureLocalHttpFuzzIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Test
  void hostileRequestsInLocalModeGetNoServerErrorAndOnlyShapedErrors() {
    String database = "fuzz-" + UUID.randomUUID();
    FuzzReport report = ProcedureHttpFuzzIntegrationTests.fuzzer(context, port).bodyLimit(1L << 20)
        .header("X-Mindb-Database", database).requests(120)
        .afterwards(FuzzRequest.of("GET", "/procedures").header("X-Mindb-Database", database), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }
}
