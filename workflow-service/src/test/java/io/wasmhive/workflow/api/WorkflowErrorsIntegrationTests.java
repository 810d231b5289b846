package io.wasmhive.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error envelope is made for controllers marked {@link WorkflowApi} only: another controller of the service
 * (the Ditto WASM server API) keeps its own shapes. Its test controllers make a context of its own, with embedded
 * stores in a data directory of its own.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "wasmhive.data-dir=target/it-data/errors")
class WorkflowErrorsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Test
  void aWorkflowControllerAnswersInTheEnvelope() throws Exception {
    HttpResponse<String> refused = get("/test-errors/workflow/refused");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body()).isEqualTo("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"nothing here\","
        + "\"details\":{\"why\":\"test\"}}}");
    HttpResponse<String> failed = get("/test-errors/workflow/failed");
    assertThat(failed.statusCode()).isEqualTo(500);
    JsonNode error = JSON.readTree(failed.body()).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
    assertThat(error.get("message").stringValue()).doesNotContain("secret detail");
  }

  @Test
  void anotherControllerIsNotTouched() throws Exception {
    HttpResponse<String> refused = get("/test-errors/other/refused");
    // Not the advice's 404 NOT_FOUND: the exception reached the service's error page as any failure would, which
    // answers in the service's shape (platform-infra's ShapedErrorController) without its message.
    assertThat(refused.statusCode()).isEqualTo(500);
    JsonNode error = JSON.readTree(refused.body()).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
    assertThat(error.get("message").stringValue()).doesNotContain("nothing here");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Controllers {

    @Bean
    MarkedController markedController() {
      return new MarkedController();
    }

    @Bean
    UnmarkedController unmarkedController() {
      return new UnmarkedController();
    }
  }

  @WorkflowApi
  @RestController
  static class MarkedController {

    @GetMapping("/test-errors/workflow/refused")
    String refused() {
      throw new WorkflowException(WorkflowError.NOT_FOUND, "nothing here", java.util.Map.of("why", "test"));
    }

    @GetMapping("/test-errors/workflow/failed")
    String failed() {
      throw new IllegalStateException("secret detail");
    }
  }

  @RestController
  static class UnmarkedController {

    @GetMapping("/test-errors/other/refused")
    String refused() {
      throw new WorkflowException(WorkflowError.NOT_FOUND, "nothing here");
    }
  }
}
