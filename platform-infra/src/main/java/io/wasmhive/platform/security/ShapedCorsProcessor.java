package io.wasmhive.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's CORS checks, with a refused origin answered in the service's {@link ErrorShape}. A request whose
 * {@code Content-Type} is no concrete media type is let through unchecked: Spring's check would throw on it (an
 * {@code IllegalArgumentException}, a 500; found by the HTTP fuzzer, docs/fuzzing-http.md finding 17), and the
 * content-type filter after the security chain refuses it with 415 before any handler runs.
 */
final class ShapedCorsProcessor extends DefaultCorsProcessor {

  private final ErrorShape shape;
  private final JsonMapper json = JsonMapper.builder().build();

  ShapedCorsProcessor(ErrorShape shape) {
    this.shape = shape;
  }

  @Override
  public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return !ContentTypes.concrete(request.getContentType()) || super.processRequest(config, request, response);
  }

  @Override
  protected void rejectRequest(ServerHttpResponse response) throws IOException {
    byte[] body = json.writeValueAsString(shape.body("ORIGIN_NOT_ALLOWED",
        "requests from this browser origin are not allowed (wasmhive.security.cors-allowed-origins)"))
        .getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(HttpStatus.FORBIDDEN);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response.getHeaders().setContentLength(body.length);
    response.getBody().write(body);
    response.flush();
  }
}
