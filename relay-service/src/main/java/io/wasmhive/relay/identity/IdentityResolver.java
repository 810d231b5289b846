package io.wasmhive.relay.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Reads a request's {@link RequestIdentity}: the authenticated principal first; then, when
 * {@code relay.identity.header-enabled} is true, the {@code user_id} and {@code session_id} headers of seed 001;
 * else anonymous. Header values are trimmed and limited to 128 printable ASCII characters; anything else is
 * ignored rather than trusted.
 */
public class IdentityResolver {

  /** The seed's user header. */
  public static final String USER_HEADER = "user_id";
  /** The seed's session header. */
  public static final String SESSION_HEADER = "session_id";

  private static final int MAX_LENGTH = 128;

  private final boolean headerEnabled;

  public IdentityResolver(boolean headerEnabled) {
    this.headerEnabled = headerEnabled;
  }

  /** Whether the seed's identity headers are trusted by this deployment. */
  public boolean headerEnabled() {
    return headerEnabled;
  }

  public RequestIdentity resolve(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    String session = clean(request.getHeader(SESSION_HEADER));
    if (principal != null && clean(principal.getName()) != null) {
      return new RequestIdentity(clean(principal.getName()), headerEnabled ? session : "",
          RequestIdentity.Source.PRINCIPAL);
    }
    if (headerEnabled) {
      String user = clean(request.getHeader(USER_HEADER));
      if (user != null) {
        return new RequestIdentity(user, session, RequestIdentity.Source.HEADER);
      }
    }
    return RequestIdentity.anonymous();
  }

  private static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      return null;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return null;
      }
    }
    return trimmed;
  }
}
