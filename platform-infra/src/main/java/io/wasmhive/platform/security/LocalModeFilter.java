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

  /** The caller of every request that names no user (immutable, so shared). */
  private static final CallerAuthentication LOCAL = new CallerAuthentication(Caller.local(null));

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
    String user = HeaderValues.name(request.getHeader(userHeader));
    SecurityContextHolder.getContext().setAuthentication(
        user == null ? LOCAL : new CallerAuthentication(Caller.local(user)));
    chain.doFilter(request, response);
  }

  static boolean isLoopbackName(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1") || name.equals("[::1]")
        || name.equals("0:0:0:0:0:0:0:1") || name.equals("[0:0:0:0:0:0:0:1]") || isIpv4Loopback(name);
  }

  /** 127.x.y.z, each part 1 to 3 digits; without a regular expression (this runs on every request). */
  private static boolean isIpv4Loopback(String name) {
    if (!name.startsWith("127.")) {
      return false;
    }
    int dots = 0;
    int digits = 0;
    for (int i = 4; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (digits == 0) {
          return false;
        }
        dots++;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        digits++;
      } else {
        return false;
      }
    }
    return dots == 2 && digits > 0; // two more dots after "127.", and a last part
  }

}
