package io.wasmhive.platform.errors;

import io.wasmhive.platform.security.ErrorShape;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The answer of a filter of this package that refuses a request before any handler runs, in the service's shape. */
final class Refusals {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Refusals() {
  }

  /** Writes {@code status} with the service's error body for it ({@link ErrorShape#codeFor}) and {@code message}. */
  static void write(HttpServletResponse response, ErrorShape shape, int status, String message) throws IOException {
    byte[] body = JSON.writeValueAsBytes(shape.body(shape.codeFor(status), message));
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
