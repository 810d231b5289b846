package io.wasmhive.relay.identity;

import java.util.Objects;

/**
 * Who sent a request: the authenticated principal's name, or — only when the deployment enables header
 * identity ({@code relay.identity.header-enabled}, the dev default) — the seed's {@code user_id} and
 * {@code session_id} headers; otherwise {@link #ANONYMOUS_USER}.
 *
 * @param userId the user every guard and every event is keyed by; never blank
 * @param sessionId the session header, or an empty string
 * @param source where the user id came from
 */
public record RequestIdentity(String userId, String sessionId, Source source) {

  /** The user id of a request that carries no identity. */
  public static final String ANONYMOUS_USER = "anonymous";

  /** Where an identity came from. */
  public enum Source { PRINCIPAL, HEADER, ANONYMOUS }

  public RequestIdentity {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(source, "source");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    sessionId = sessionId == null ? "" : sessionId;
  }

  /** The identity of a request without principal or usable headers. */
  public static RequestIdentity anonymous() {
    return new RequestIdentity(ANONYMOUS_USER, "", Source.ANONYMOUS);
  }
}
