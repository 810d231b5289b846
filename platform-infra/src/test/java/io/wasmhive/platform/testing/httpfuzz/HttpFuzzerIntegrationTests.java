package io.wasmhive.platform.testing.httpfuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The fuzzer against a running application: it reaches every endpoint, and it finds a 500 and says how to repeat it. */
class HttpFuzzerIntegrationTests {

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext app;
  static int port;

  @BeforeAll
  static void start() {
    app = FuzzTargetApp.start(dataDir);
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aServiceThatAnswersEveryHostileRequestInItsShapePasses() {
    FuzzReport report = HttpFuzzer.of(app, port).exclude("/buggy").requests(120)
        .afterwards(FuzzRequest.of("GET", "/orders/1"), 200).run();
    assertThat(report.endpoints()).contains("POST /orders", "GET /orders/{id}", "POST /admin/api-keys");
    assertThat(report.requests()).isEqualTo(120);
    assertThat(report.statuses()).containsKeys(200, 400);
    assertThat(report.statuses().keySet()).allMatch(status -> status < 500);
  }

  @Test
  void aServerErrorFailsTheRunWithTheSeedAndTheRequest() {
    assertThatThrownBy(() -> HttpFuzzer.of(app, port).exclude("/orders").exclude("/whoami").exclude("/write")
        .exclude("/ping").exclude("/admin").requests(400).run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("POST /buggy: a 5xx answer")
        .hasMessageContaining("-Dhttpfuzz.seed=")
        .hasMessageContaining("request: [")
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void theSameSeedSendsTheSameRequests() {
    java.util.Random one = new java.util.Random(42);
    java.util.Random two = new java.util.Random(42);
    HostileRequests hostile = new HostileRequests(new FuzzOptions(42, 1, java.util.Map.of(), java.util.Map.of(),
        java.util.Map.of(), 1024, java.util.List.of(), ErrorBodyCheck.standard()));
    for (Endpoint endpoint : Endpoints.of(app)) {
      assertThat(hostile.next(endpoint, one).describe()).isEqualTo(hostile.next(endpoint, two).describe());
    }
  }
}
