package io.wasmhive.platform.errors;

import io.wasmhive.platform.security.ErrorShape;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * Refuses a request whose {@code Forwarded} or {@code X-Forwarded-*} headers Spring cannot read with 400 in the
 * service's {@link ErrorShape}. The services do not act on those headers (no {@code server.forward-headers-strategy}),
 * but springdoc's redirect from {@code /swagger-ui.html} reads them with Spring's {@link ForwardedHeaderUtils}, which
 * throws an {@code IllegalArgumentException} on a host such as {@code ${jndi:ldap://…}} — a 500 (found by the HTTP
 * fuzzer, docs/fuzzing-http.md finding 18). This reads them the same way first. Runs after the security chain;
 * costs nothing for a request without such headers. Thread-safe.
 */
final class ForwardedHeadersFilter extends OncePerRequestFilter {

  private static final List<String> NAMES = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Port",
      "X-Forwarded-Proto", "X-Forwarded-Ssl", "X-Forwarded-Prefix");
  private static final URI ANY = URI.create("http://localhost/");

  private final ErrorShape shape;

  ForwardedHeadersFilter(ErrorShape shape) {
    this.shape = shape;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (readable(request)) {
      chain.doFilter(request, response);
      return;
    }
    Refusals.write(response, shape, 400,
        "a Forwarded or X-Forwarded-* header is not valid (a host, port or protocol that does not parse)");
  }

  /** Whether Spring reads the request's forwarded headers, if it has any, without failing. */
  static boolean readable(HttpServletRequest request) {
    HttpHeaders headers = null;
    for (String name : NAMES) {
      for (String value : Collections.list(request.getHeaders(name))) {
        headers = headers == null ? new HttpHeaders() : headers;
        headers.add(name, value);
      }
    }
    if (headers == null) {
      return true;
    }
    try {
      ForwardedHeaderUtils.adaptFromForwardedHeaders(ANY, headers).build().toUriString();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
