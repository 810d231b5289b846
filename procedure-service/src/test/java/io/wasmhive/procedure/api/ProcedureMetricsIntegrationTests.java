package io.wasmhive.procedure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.OperationsQueries;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The meters of procedure-service, scraped from {@code /actuator/prometheus} over HTTP. */
@ServiceIntegrationTest
@TestPropertySource(properties = "wasmhive.data-dir=target/it-data/upload")
class ProcedureMetricsIntegrationTests {

  @LocalServerPort
  int port;

  @LocalManagementPort
  int managementPort;

  @Test
  void callsCreatesCompilesAndTheModuleCacheAreExported() {
    String database = "it-" + UUID.randomUUID();
    HttpProbe http = new HttpProbe(port, database);
    createAndCall(http);
    assertThat(http.post("/procedures/calculate_discount/call", "{\"args\":[1]}").status()).isEqualTo(400);

    String scrape = new HttpProbe(managementPort, null).getText("/actuator/prometheus");
    assertThat(scrape).contains("procedure_calls_total{database=\"" + database
        + "\",outcome=\"ok\",procedure=\"calculate_discount\"} 1.0");
    assertThat(scrape).contains("procedure_calls_total{database=\"" + database
        + "\",outcome=\"BAD_REQUEST\",procedure=\"calculate_discount\"} 1.0");
    assertThat(scrape).contains("procedure_call_duration_seconds_bucket{database=\"" + database);
    assertThat(scrape).contains("procedure_create_duration_seconds_bucket{");
    assertThat(scrape).contains("procedure_compile_duration_seconds_count");
    assertThat(scrape).contains("procedure_module_cache_hits ").contains("procedure_module_cache_misses ");
    // Everything the Grafana dashboard and the alert rules (ops/) query of procedures, the executor pool and Redis.
    OperationsQueries.assertExported(scrape, "procedure_", "wasm_executor_", "wasmhive_redis_");
  }

  @Test
  void aDroppedProceduresSeriesLeaveTheScrape() {
    String database = "it-" + UUID.randomUUID();
    HttpProbe http = new HttpProbe(port, database);
    createAndCall(http);
    String series = "procedure_calls_total{database=\"" + database + "\",outcome=\"ok\",procedure=\"calculate_discount\"}";
    assertThat(new HttpProbe(managementPort, null).getText("/actuator/prometheus")).contains(series + " 1.0");

    assertThat(http.delete("/procedures/calculate_discount").status()).isEqualTo(200);
    String scrape = new HttpProbe(managementPort, null).getText("/actuator/prometheus");
    assertThat(scrape).doesNotContain("database=\"" + database + "\"");
    // Created again under the same name, it starts from zero.
    createAndCall(http);
    assertThat(new HttpProbe(managementPort, null).getText("/actuator/prometheus")).contains(series + " 1.0");
  }

  @Test
  void callsToProceduresThatDoNotExistAreTaggedOtherWhateverTheClientSends() {
    String before = new HttpProbe(managementPort, null).getText("/actuator/prometheus");
    double others = count(before, "procedure_calls_total{database=\"other\",outcome=\"NOT_FOUND\",procedure=\"other\"}");
    for (int i = 0; i < 40; i++) {
      String database = "random-" + UUID.randomUUID();
      assertThat(new HttpProbe(port, database).post("/procedures/nope-" + i + "/call", "{\"args\":[]}").status())
          .isEqualTo(404);
    }
    String scrape = new HttpProbe(managementPort, null).getText("/actuator/prometheus");
    assertThat(scrape).doesNotContain("random-").doesNotContain("nope-");
    assertThat(count(scrape, "procedure_calls_total{database=\"other\",outcome=\"NOT_FOUND\",procedure=\"other\"}"))
        .isEqualTo(others + 40);
  }

  /** Creates calculate_discount from c-add.wasm and calls it once, successfully. */
  private static void createAndCall(HttpProbe http) {
    assertThat(http.postMultipart("/procedures", HttpProbe.bytes("c-add.wasm"),
        java.util.Map.of("meta", ProcedureUploadIntegrationTests.META)).status()).isEqualTo(201);
    assertThat(http.post("/procedures/calculate_discount/call", "{\"args\":[100.0,2]}").status()).isEqualTo(200);
  }

  private static double count(String scrape, String series) {
    return scrape.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
        l.substring(series.length() + 1))).findFirst().orElse(0);
  }
}
