package io.wasmhive.procedure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The two ways into {@code POST /procedures/{name}/call} answer alike: {@link JsonCallEndpoint} for
 * {@code application/json} bodies and Spring's message converters for the rest (here {@code application/*+json},
 * which both accept). Calls stay out of {@code http.server.requests} and are counted by {@code procedure.calls}.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "wasmhive.data-dir=target/it-data/upload")
class ProcedureCallPathIntegrationTests {

  private static final String CALL = "/procedures/calculate_discount/call";

  @LocalServerPort
  int port;

  @LocalManagementPort
  int managementPort;

  private String database;
  private HttpProbe http;

  @BeforeEach
  void createProcedure() {
    database = "path-" + UUID.randomUUID();
    http = new HttpProbe(port, database);
    assertThat(http.postMultipart("/procedures", HttpProbe.bytes("c-add.wasm"),
        Map.of("meta", ProcedureUploadIntegrationTests.META)).status()).isEqualTo(201);
  }

  @Test
  void theJsonPathAnswersAsTheConverterPathDoes() {
    List<String> bodies = List.of("{\"args\":[100.0,2]}", "{\"args\":[19.99,1],\"other\":1}", "", "null", "{}",
        "{\"args\":[1]}", "{\"args\":[1,true]}", "{\"args\":[1e400,2]}", "{\"args\":5}", "[1,2]", "{\"args\":[1,2",
        "{\"args\":[1,2]} x");
    for (String body : bodies) {
      Reply lean = call(CALL, "application/json", body);
      Reply converted = call(CALL, "application/vnd.wasmhive+json", body);
      assertThat(lean.status()).as(body).isEqualTo(converted.status());
      assertThat(masked(lean)).as(body).isEqualTo(masked(converted));
      assertThat(lean.raw().headers().firstValue("Content-Type")).as(body)
          .isEqualTo(converted.raw().headers().firstValue("Content-Type"));
    }
    assertThat(call(CALL, "application/json", "{\"args\":[100.0,2]}").body().get("result").asDouble()).isEqualTo(90.0);
    assertThat(call("/procedures/nope/call", "application/json", "{\"args\":[]}").status()).isEqualTo(404);
    assertThat(call(CALL, "application/json; charset=ISO-8859-1", "{\"args\":[100.0,2]}").status()).isEqualTo(200);
  }

  @Test
  void aClientThatDoesNotAcceptJsonStillGets406() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + CALL)).header("Content-Type", "application/json")
        .header("Accept", "text/html").header("X-Mindb-Database", database)
        .POST(HttpRequest.BodyPublishers.ofString("{\"args\":[100.0,2]}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(406);
  }

  @Test
  void callsAreCountedByTheProcedureMetersNotByHttpServerRequests() {
    for (int i = 0; i < 3; i++) {
      assertThat(call(CALL, "application/json", "{\"args\":[100.0,2]}").status()).isEqualTo(200);
    }
    assertThat(http.get("/health").status()).isEqualTo(200);
    String scrape = new HttpProbe(managementPort, null).getText("/actuator/prometheus");
    assertThat(scrape).contains("procedure_calls_total{database=\"" + database
        + "\",outcome=\"ok\",procedure=\"calculate_discount\"} 3.0");
    assertThat(scrape).contains("http_server_requests_seconds_count{").contains("uri=\"/health\"");
    assertThat(scrape).doesNotContain("uri=\"/procedures/{name}/call\"");
  }

  private Reply call(String path, String contentType, String body) {
    return http.post(path, contentType, body.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String masked(Reply reply) {
    return reply.raw().body().replaceAll("\"latency_ms\":[0-9.]+", "\"latency_ms\":0");
  }
}
