package io.wasmhive.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.app.SecuredApp;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import io.wasmhive.platform.testing.httpfuzz.FuzzResponse;
import io.wasmhive.platform.testing.httpfuzz.RawHttp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is refused before a controller runs, over real HTTP (a raw socket, so the requests arrive as written): the
 * security firewall's and Tomcat's refusals are answered in the service's error shape, never Spring Boot's error
 * body or Tomcat's HTML page, and never as a 5xx (found by the HTTP fuzzer, docs/fuzzing-http.md).
 */
class ShapedErrorsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext app;
  static RawHttp http;

  @BeforeAll
  static void start() {
    app = SecuredApp.start(dataDir);
    http = new RawHttp(((WebServerApplicationContext) app).getWebServer().getPort(), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void anUnknownMethodRefusedByTheFirewallIsABadRequestInTheShape() throws Exception {
    assertShaped(http.send(FuzzRequest.of("FOO", "/whoami")), 400, "BAD_REQUEST");
  }

  @Test
  void anEncodedSlashRefusedByTheFirewallIsABadRequestInTheShape() throws Exception {
    assertShaped(http.send(FuzzRequest.of("GET", "/whoami/..%2f..%2fetc%2fpasswd")), 400, "BAD_REQUEST");
  }

  @Test
  void tooManyHeadersRefusedByTomcatAreABadRequestInTheShapeNotItsHtmlPage() throws Exception {
    FuzzRequest request = FuzzRequest.of("GET", "/whoami");
    for (int i = 0; i < 150; i++) {
      request = request.header("X-Many-" + i, "v");
    }
    assertShaped(http.send(request), 400, "BAD_REQUEST");
  }

  @Test
  void justUnderTomcatsHeaderCountTheRequestIsServed() throws Exception {
    FuzzRequest request = FuzzRequest.of("GET", "/whoami");
    for (int i = 0; i < 95; i++) {
      request = request.header("X-Many-" + i, "v");
    }
    assertThat(http.send(request).status()).isEqualTo(200);
  }

  @Test
  void connectWhichTomcatDoesNotImplementIsMethodNotAllowedNotA501() throws Exception {
    FuzzResponse response = http.send(FuzzRequest.of("CONNECT", "/whoami"));
    assertThat(response.status()).isEqualTo(405);
    assertThat(JSON.readTree(response.body()).get("error").get("code").asString()).isNotBlank();
  }

  @Test
  void aMultipartBodyWithoutBoundaryToAnEndpointThatReadsNoPartsIsServed() throws Exception {
    // Spring MVC parsed multipart bodies before it chose a handler: the failure reached no advice, a 500.
    FuzzRequest noBoundary = FuzzRequest.of("POST", "/write").body("multipart/form-data",
        "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1".getBytes());
    FuzzResponse response = http.send(noBoundary);
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
  }

  @Test
  void aContentTypeThatIsNoConcreteMediaTypeIsRefusedInTheShapeNotA500() throws Exception {
    for (String type : java.util.List.of("*/*", "application/*", ";;", "application/")) {
      assertShaped(http.send(FuzzRequest.of("POST", "/write").body(type, "{}".getBytes())), 415, "BAD_REQUEST");
    }
    assertThat(http.send(FuzzRequest.of("POST", "/write").body("application/json", "{}".getBytes())).status())
        .isEqualTo(200);
  }

  @Test
  void aWildcardContentTypeFromABrowserOriginIsRefusedInTheShapeNotA500() throws Exception {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md, finding 17): with an Origin header, Spring's CORS check read
    // the headers first and threw on the wildcard (GET /ui/pool with Content-Type */* answered 500).
    for (String method : java.util.List.of("GET", "POST", "OPTIONS")) {
      for (String type : java.util.List.of("*/*", "text/*", ";;")) {
        assertShaped(http.send(FuzzRequest.of(method, "/write").header("Origin", "99999999999999999999")
            .body(type, "{}".getBytes())), 415, "BAD_REQUEST");
      }
    }
    // The origin check itself still answers a concrete type.
    assertShaped(http.send(FuzzRequest.of("POST", "/write").header("Origin", "https://elsewhere.example")
        .body("application/json", "{}".getBytes())), 403, "ORIGIN_NOT_ALLOWED");
  }

  @Test
  void aMultipartBodyPastTheLimitToAnEndpointThatReadsNoPartsIsServedNotAnEmpty413() throws Exception {
    // Parsed eagerly, before a handler was chosen, it failed where no advice answers, and the error page's dispatch
    // failed again: a 413 without a body. Parsed when a handler reads parts, an endpoint without parts serves it.
    byte[] part = new byte[(1 << 20) + 1];
    byte[] body = new byte[part.length + 200];
    byte[] head = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n".getBytes();
    System.arraycopy(head, 0, body, 0, head.length);
    byte[] tail = "\r\n--b--\r\n".getBytes();
    System.arraycopy(tail, 0, body, head.length + part.length, tail.length);
    FuzzResponse response = http.send(FuzzRequest.of("POST", "/write")
        .body("multipart/form-data; boundary=b", java.util.Arrays.copyOf(body, head.length + part.length + tail.length)));
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.text()).contains("writes");
  }

  @Test
  void theErrorPageAnswersJsonWhateverTheClientAccepts() throws Exception {
    for (String accept : java.util.List.of("*/*;q=abc", "text/html", "garbage")) {
      assertShaped(http.send(FuzzRequest.of("GET", "/no/such/path").header("Accept", accept)), 404, "NOT_FOUND");
    }
  }

  @Test
  void anUnknownPathIsNotFoundInTheShape() throws Exception {
    assertShaped(http.send(FuzzRequest.of("GET", "/no/such/path")), 404, "NOT_FOUND");
  }

  private static void assertShaped(FuzzResponse response, int status, String code) {
    assertThat(response.status()).as(response.describe()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").get("code").asString()).isEqualTo(code);
    assertThat(body.get("error").get("message").asString()).isNotBlank().doesNotContain("Exception", "java.");
    assertThat(body.has("timestamp")).as("Spring Boot's own error body").isFalse();
  }
}
