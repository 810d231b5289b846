package io.wasmhive.procedure.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.platform.testing.httpfuzz.FuzzReport;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import io.wasmhive.platform.testing.httpfuzz.HttpFuzzer;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every endpoint of procedure-service under hostile HTTP (docs/fuzzing-http.md), in secure mode in the context of
 * {@code ProcedureAccessIntegrationTests}: as an administrator, so that requests reach the handlers, and without
 * credentials. No answer is a 5xx, every error is in the service's shape, none shows internals.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.security.mode=secure", "wasmhive.data-dir=target/it-data-proc-access",
    "wasmhive.security.api-keys.hash-strength=4", "procedure.max-procedures-per-tenant=3"})
class ProcedureHttpFuzzIntegrationTests {

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
    FuzzReport report = fuzzer(context, port).header("Authorization", "Bearer " + admin)
        .header("X-Mindb-Database", "fuzz-" + UUID.randomUUID()).requests(250)
        .afterwards(FuzzRequest.of("GET", "/procedures").header("Authorization", "Bearer " + admin), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }

  @Test
  void hostileRequestsWithoutCredentialsAreRefusedInTheServicesShape() {
    FuzzReport report = fuzzer(context, port).requests(80).run();
    assertThat(report.statuses()).containsKey(401);
  }

  /** The service's fuzzer: a value for {@code {name}}, plausible bodies, the default body limit (16 MB). */
  static HttpFuzzer fuzzer(ApplicationContext context, int port) {
    return HttpFuzzer.of(context, port).variable("name", "p").bodyLimit(16L << 20)
        .sample("POST /procedures", create()).sample("POST /procedures/{name}/call", "{\"args\":[2,3]}");
  }

  private static String create() {
    return "{\"name\":\"p\",\"language\":\"wasm\",\"wasm_base64\":\"" + Base64.getEncoder().encodeToString(
        new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}) + "\",\"entry\":\"add\",\"params\":[{\"name\":\"a\","
        + "\"data_type\":\"INT\"}],\"return_type\":\"INT\",\"replace\":true}";
  }
}
