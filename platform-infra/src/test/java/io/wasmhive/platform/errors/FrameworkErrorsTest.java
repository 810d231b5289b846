package io.wasmhive.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

class FrameworkErrorsTest {

  @Test
  void aMultipartBodyThatDoesNotParseIsTheClientsBadRequestWithoutInternals() {
    MultipartException truncated = new MultipartException("Failed to parse multipart servlet request",
        new IllegalStateException("org.apache.tomcat.util.http.fileupload.MultipartStream$MalformedStreamException"));
    assertThat(FrameworkErrors.clientStatus(truncated)).isEqualTo(400);
    assertThat(FrameworkErrors.clientMessage(truncated)).startsWith("the multipart body is not valid")
        .doesNotContain("Exception", "org.", "java.");
  }

  @Test
  void aFileNameWithANulReadByAFilterIsTheClientsBadRequestAndIsNotRepeated() {
    // Found by the HTTP fuzzer in CI (seed 3496819667265328836): a multipart GET /runs/fuzz/events whose part is
    // named "a\0b" answered 500, Tomcat throwing when the SSE filter read ?last_event_id=.
    var invalid = new org.apache.tomcat.util.http.fileupload.InvalidFileNameException("a\u0000b",
        "Invalid file name: a\\0b");
    assertThat(FrameworkErrors.clientStatus(invalid)).isEqualTo(400);
    assertThat(FrameworkErrors.clientMessage(invalid)).startsWith("the multipart body is not valid")
        .doesNotContain("a\\0b", "Exception");
    assertThat(FrameworkErrors.clientFailure(new IllegalStateException("wrapped", invalid))).isSameAs(invalid);
  }

  @Test
  void anUploadPastTheLimitKeepsItsOwnStatus() {
    assertThat(FrameworkErrors.clientStatus(new MaxUploadSizeExceededException(1024))).isEqualTo(413);
  }

  @Test
  void theFrameworksRefusalsKeepTheirStatusAndDetail() {
    var method = new HttpRequestMethodNotSupportedException("PATCH", java.util.List.of(HttpMethod.GET.name()));
    assertThat(FrameworkErrors.clientStatus(method)).isEqualTo(405);
    assertThat(FrameworkErrors.clientMessage(method)).contains("PATCH");
  }

  @Test
  void aParameterTomcatCannotDecodeIsTheClientsBadRequestAndIsNotRepeated() {
    var invalid = new org.apache.tomcat.util.http.InvalidParameterException(
        "Character decoding failed. Parameter [format] with value [%zz] has been ignored.");
    assertThat(FrameworkErrors.clientStatus(invalid)).isEqualTo(400);
    assertThat(FrameworkErrors.clientMessage(invalid)).doesNotContain("%zz", "Parameter [");
    assertThat(FrameworkErrors.clientStatus(new org.apache.tomcat.util.http.InvalidParameterException("many", 413)))
        .isEqualTo(413);
  }

  @Test
  void aParameterNameTheFirewallRejectsWhenAHandlerReadsItIsTheClientsBadRequest() {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md, finding 13): GET /swagger-ui.html?a%00=1.5 answered 500.
    var rejected = new org.springframework.security.web.firewall.RequestRejectedException(
        "The request was rejected because the parameter name \"a\u0000\" is not allowed.");
    assertThat(FrameworkErrors.clientStatus(rejected)).isEqualTo(400);
    assertThat(FrameworkErrors.clientMessage(rejected)).startsWith("the request was rejected")
        .doesNotContain("parameter name \"");
    assertThat(FrameworkErrors.clientFailure(new IllegalStateException("wrapped", rejected))).isSameAs(rejected);
  }

  @Test
  void anythingElseIsNotTheClients() {
    assertThat(FrameworkErrors.clientStatus(new IllegalStateException("boom"))).isZero();
    assertThat(FrameworkErrors.clientStatus(new RuntimeException(new MultipartException("x")))).isZero();
  }
}
