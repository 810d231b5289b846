package io.wasmhive.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the refusals of the security chain in the service's {@link ErrorShape}: 401 {@code UNAUTHORIZED} with
 * {@code WWW-Authenticate: Bearer} for a request without valid credentials, 403 {@code FORBIDDEN} for a caller
 * without the role a path needs, 403 {@code ORIGIN_NOT_ALLOWED} for a refused browser origin or host. Messages
 * never repeat what the client sent. Thread-safe.
 */
public final class SecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ErrorShape shape;
  private final JsonMapper json = JsonMapper.builder().build();

  public SecurityResponses(ErrorShape shape) {
    this.shape = shape;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    boolean invalid = failure instanceof InvalidBearerTokenException
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
    write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", invalid
        ? "the credentials are invalid, expired or revoked"
        : "authentication required: send Authorization: Bearer <API key or token>");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "the caller may not do this");
  }

  /** Writes one error as the whole response. Blocks while the body is written. */
  public void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    byte[] body = json.writeValueAsString(shape.body(code, message)).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
