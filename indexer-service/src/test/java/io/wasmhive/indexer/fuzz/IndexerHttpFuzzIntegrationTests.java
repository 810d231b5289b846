package io.wasmhive.indexer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.platform.testing.httpfuzz.FuzzReport;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import io.wasmhive.platform.testing.httpfuzz.HttpFuzzer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every endpoint of indexer-service under hostile HTTP (docs/fuzzing-http.md), in secure mode in the context of
 * {@code IndexerAccessIntegrationTests}: as an administrator, so that requests reach the handlers, and without
 * credentials. No answer is a 5xx, every error is in the service's shape, none shows internals.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.security.mode=secure", "wasmhive.data-dir=target/it-data-idx-access",
    "wasmhive.security.api-keys.hash-strength=4"})
class IndexerHttpFuzzIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  ApiKeys apiKeys;

  @Test
  void hostileRequestsOfAnAdministratorGetNoServerErrorAndOnlyShapedErrors() {
    String admin = apiKeys.issue("fuzz-" + UUID.randomUUID(), "fuzz-" + UUID.randomUUID(), List.of(Roles.ADMIN))
        .token();
    FuzzReport report = IndexerFuzz.fuzzer(context, port).header("Authorization", "Bearer " + admin).requests(250)
        .afterwards(FuzzRequest.of("GET", "/modules").header("Authorization", "Bearer " + admin), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }

  @Test
  void hostileRequestsWithoutCredentialsAreRefusedInTheServicesShape() {
    FuzzReport report = IndexerFuzz.fuzzer(context, port).requests(80).run();
    assertThat(report.statuses()).containsKey(401);
  }
}
