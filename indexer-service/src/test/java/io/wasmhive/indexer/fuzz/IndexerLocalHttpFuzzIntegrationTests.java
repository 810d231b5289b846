package io.wasmhive.indexer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.platform.testing.httpfuzz.FuzzReport;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * indexer-service under hostile HTTP in local mode (no credentials; every request is the local administrator), in
 * the context of {@code ModuleUploadIntegrationTests} with its small upload limits.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/modules", "indexer.modules.max-size=1MB",
    "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=2MB",
    // A day's upload limit far below what these tests upload: local mode (every test here) does not count.
    "indexer.modules.max-upload-bytes-per-day=1KB"})
class IndexerLocalHttpFuzzIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Test
  void hostileRequestsInLocalModeGetNoServerErrorAndOnlyShapedErrors() {
    FuzzReport report = IndexerFuzz.fuzzer(context, port).bodyLimit(2L << 20).requests(120)
        .afterwards(FuzzRequest.of("GET", "/modules"), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }
}
