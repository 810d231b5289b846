package io.wasmhive.platform.errors;

import io.wasmhive.platform.security.ErrorShape;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report in the service's {@link ErrorShape} instead of its HTML page: what the container refuses
 * before a servlet runs (too many or too large headers, an invalid request target) is answered like every other
 * error of the API, and its 501 for a method or transfer coding it does not implement as the client's error (405 for
 * the method, else 400). The request is bound to Spring's request context while the body is made, so that a shape that
 * depends on the path (workflow-service's WASM server) sees it. Thread-safe.
 */
final class ShapedErrorReportValve extends ErrorReportValve {

  private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
      "OPTIONS", "TRACE");

  private final ErrorShape shape;
  private final JsonMapper json = JsonMapper.builder().build();

  ShapedErrorReportValve(ErrorShape shape) {
    this.shape = shape;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable failure) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    if (status == 501) {
      // Tomcat's answer to a method or transfer coding it does not implement (CONNECT, Transfer-Encoding: gzip).
      // For these APIs that is the client asking for something no endpoint offers, not a failure of the service.
      status = request.getMethod() != null && !STANDARD_METHODS.contains(request.getMethod()) ? 405 : 400;
      response.setStatus(status);
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      String body = json.writeValueAsString(body(request, status));
      response.setContentType("application/json");
      response.setCharacterEncoding("utf-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was committed meanwhile: nothing more can be said to it.
    }
  }

  private Object body(Request request, int status) {
    boolean bind = RequestContextHolder.getRequestAttributes() == null && request.getRequestURI() != null;
    if (bind) {
      RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
    try {
      return shape.body(shape.codeFor(status), StatusMessages.of(status));
    } finally {
      if (bind) {
        RequestContextHolder.resetRequestAttributes();
      }
    }
  }
}
