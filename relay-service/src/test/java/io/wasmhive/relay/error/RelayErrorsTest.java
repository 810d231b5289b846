package io.wasmhive.relay.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** The one rendering of the relay's errors: the seed's shape, the code's status, Retry-After where it belongs. */
class RelayErrorsTest {

  private final RelayErrors errors = new RelayErrors();

  @Test
  void bodyFieldsComeBetweenSuccessAndTheErrorAndErrorFieldsAfterTheMessage() {
    RelayException e = new RelayException(RelayError.CONCURRENCY_LIMITED, "busy").withRetryAfter(1)
        .withBodyField("request_id", "abc").withErrorField("tried", List.of("x"));

    assertThat(errors.json(e)).isEqualTo("{\"success\":false,\"retry_after\":1,\"request_id\":\"abc\","
        + "\"error\":{\"code\":\"CONCURRENCY_LIMITED\",\"message\":\"busy\",\"tried\":[\"x\"]}}");
    ResponseEntity<Object> response = errors.relay(e);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(response.getBody()).isEqualTo(RelayErrors.body(e));
  }

  @Test
  void theServletGetsTheSameBodyAndAHeaderOnlyRetryAfter() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    errors.write(response, new RelayException(RelayError.TOO_MANY_SUBSCRIBERS, "full").withRetryAfterHeader(3));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("3");
    assertThat(response.getContentType()).isEqualTo("application/json");
    assertThat(response.getContentAsString())
        .isEqualTo("{\"success\":false,\"error\":{\"code\":\"TOO_MANY_SUBSCRIBERS\",\"message\":\"full\"}}");
  }

  @Test
  void frameworkFailuresGetTheCodeOfTheirStatusAndAnythingElseIsInternal() {
    ResponseEntity<Object> method = errors.other(new HttpRequestMethodNotSupportedException("DELETE"));
    assertThat(method.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(method.getBody()).asString().contains("code=METHOD_NOT_ALLOWED");

    ResponseEntity<Object> internal = errors.other(new IllegalStateException("a class name the client must not see"));
    assertThat(internal.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(internal.getBody()).asString().contains("code=INTERNAL_ERROR", "internal error (reference ")
        .doesNotContain("IllegalStateException", "client must not see");
  }

  @Test
  void anOutcomesCodeChoosesTheStatusOfAFailedExecution() {
    assertThat(RelayError.statusOfOutcome("TRAP")).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(RelayError.statusOfOutcome("INVALID_MODULE").value()).isEqualTo(422);
    assertThat(RelayError.statusOfOutcome("MODULE_UNAVAILABLE").value()).isEqualTo(503);
    assertThat(RelayError.statusOfOutcome("INTERNAL_ERROR").value()).isEqualTo(500);
    assertThat(RelayError.statusOfOutcome("SOMETHING_A_NEWER_WORKER_SAYS").value()).isEqualTo(422);
    assertThat(RelayError.RATE_LIMITED.retryable()).isTrue();
    assertThat(RelayError.INVALID_REQUEST.retryable()).isFalse();
  }
}
