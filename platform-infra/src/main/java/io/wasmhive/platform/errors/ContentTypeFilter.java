package io.wasmhive.platform.errors;

import io.wasmhive.platform.security.ContentTypes;
import io.wasmhive.platform.security.ErrorShape;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} is not one concrete media type ({@code *}{@code /*},
 * {@code application/*}, or text that does not parse) with 415 in the service's {@link ErrorShape}. Spring MVC
 * would fail on a wildcard only when it reads the body, with an {@code IllegalArgumentException} every error advice
 * takes for an internal error (found by the HTTP fuzzer, docs/fuzzing-http.md). Runs after the security chain, whose
 * CORS check lets such a request through unchecked ({@code ShapedCorsProcessor}).
 * Thread-safe.
 */
final class ContentTypeFilter extends OncePerRequestFilter {

  private final ErrorShape shape;

  ContentTypeFilter(ErrorShape shape) {
    this.shape = shape;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (ContentTypes.concrete(request.getContentType())) {
      chain.doFilter(request, response);
      return;
    }
    Refusals.write(response, shape, 415,
        "the Content-Type is not one concrete media type; send, for example, application/json");
  }
}
