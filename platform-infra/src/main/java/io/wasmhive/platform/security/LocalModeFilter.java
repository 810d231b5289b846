package io.wasmhive.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Local mode: every request is a local administrator, named by the seed's {@code user_id} header when it sends
 * one (so the seeds' curl lines keep their per-user behaviour). The listener binds loopback, and a request that
 * names any other host is refused: a web page whose name resolves to 127.0.0.1 (DNS rebinding) cannot use the
 * developer's instance.
 */
final class LocalModeFilter extends OncePerRequestFilter {

  private final String userHeader;
  private final SecurityResponses responses;

  LocalModeFilter(String userHeader, SecurityResponses responses) {
    this.userHeader = userHeader;
    this.responses = responses;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isLoopbackName(request.getServerName())) {
      responses.write(response, HttpServletResponse.SC_FORBIDDEN, "ORIGIN_NOT_ALLOWED",
          "local mode answers only requests addressed to localhost or a loopback address");
      return;
    }
    Caller caller = Caller.local(HeaderValues.name(request.getHeader(userHeader)));
    SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
    chain.doFilter(request, response);
  }

  static boolean isLoopbackName(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1") || name.equals("[::1]")
        || name.equals("0:0:0:0:0:0:0:1") || name.equals("[0:0:0:0:0:0:0:1]")
        || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
