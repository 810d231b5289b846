package io.wasmhive.relay.identity;

import io.wasmhive.platform.security.Caller;
import io.wasmhive.platform.security.CallerAuthentication;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.platform.security.HeaderValues;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * Reads a request's {@link RequestIdentity}. Secure mode: the authenticated {@link Caller} of the request thread
 * (an API key, a JWT, or platform-infra's trusted-proxy filter, which is the only way the seed's headers can name
 * a user there); the {@code user_id} and {@code session_id} headers are never read. Local mode, as before
 * authentication existed: an authenticated principal other than platform-infra's local caller; then, when
 * {@code relay.identity.header-enabled} is true, the seed's headers; else anonymous. Header values are trimmed
 * and limited to 128 printable ASCII characters; anything else is ignored rather than trusted. Call it on the
 * request thread (the caller lives in its security context). Thread-safe.
 */
public class IdentityResolver {

  /** The seed's user header. */
  public static final String USER_HEADER = "user_id";
  /** The seed's session header. */
  public static final String SESSION_HEADER = "session_id";

  private final boolean headerEnabled;
  private final boolean secure;

  /** A local-mode resolver. */
  public IdentityResolver(boolean headerEnabled) {
    this(headerEnabled, false);
  }

  /** A resolver of secure mode ({@code secure}, headers never read) or of local mode. */
  public IdentityResolver(boolean headerEnabled, boolean secure) {
    this.headerEnabled = headerEnabled && !secure;
    this.secure = secure;
  }

  /** Whether the seed's identity headers name the user (never in secure mode). */
  public boolean headerEnabled() {
    return headerEnabled;
  }

  /** Whether the user is the authenticated caller's principal (secure mode). */
  public boolean secure() {
    return secure;
  }

  /** The request's identity. Does not block. */
  public RequestIdentity resolve(HttpServletRequest request) {
    if (secure) {
      return Callers.current()
          .map(c -> new RequestIdentity(c.principal(), "", RequestIdentity.Source.PRINCIPAL, c.roles()))
          .orElseGet(RequestIdentity::anonymous);
    }
    String session = clean(request.getHeader(SESSION_HEADER));
    Optional<String> principal = authenticatedName(request.getUserPrincipal());
    if (principal.isPresent()) {
      return new RequestIdentity(principal.get(), headerEnabled ? session : "", RequestIdentity.Source.PRINCIPAL);
    }
    if (headerEnabled) {
      String user = clean(request.getHeader(USER_HEADER));
      if (user != null) {
        return new RequestIdentity(user, session, RequestIdentity.Source.HEADER);
      }
    }
    return RequestIdentity.anonymous();
  }

  /** A principal's name, unless it is local mode's caller, which stands for no authentication at all. */
  private static Optional<String> authenticatedName(Principal principal) {
    if (principal == null || (principal instanceof CallerAuthentication c
        && c.caller().source() == Caller.Source.LOCAL)) {
      return Optional.empty();
    }
    return Optional.ofNullable(clean(principal.getName()));
  }

  private static String clean(String value) {
    return HeaderValues.name(value);
  }
}
