package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.Optional;

/**
 * Stage 3 of the pipeline: one execution per request id within the TTL. Keys are request ids; values are the
 * response documents (JSON text) the relay returned. Redis-backed and shared by all instances, with an in-memory
 * fallback while Redis is unreachable ({@link #state()} is then degraded).
 */
public interface IdempotencyStore {

  /**
   * Atomically claims {@code key}: {@link Claim.Acquired} for the first caller (who must later
   * {@link #complete} or {@link #release}), {@link Claim.InFlight} while another holds it, {@link Claim.Done}
   * with the stored response once completed.
   */
  default Claim claim(String key, Duration inFlightTtl) {
    return claim(key, null, inFlightTtl);
  }

  /**
   * As {@link #claim(String, Duration)}, remembering {@code fingerprint} (the request the key was claimed for; may
   * be {@code null}) with the key, in flight and after completion, so that a later claim can tell a repeat of the
   * same request from another request reusing the key ({@link Claim#fingerprint()}).
   */
  default Claim claim(String key, String fingerprint, Duration inFlightTtl) {
    return claim(key, fingerprint, null, inFlightTtl);
  }

  /**
   * As {@link #claim(String, String, Duration)}, remembering while the key is in flight the user who claimed it
   * ({@code owner}; may be {@code null}), as a SHA-256 ({@link Claim.InFlight#owner()}), so that a running
   * execution's status is told only to its user.
   */
  Claim claim(String key, String fingerprint, String owner, Duration inFlightTtl);

  /**
   * Stores the response for {@code key} for {@code ttl}, replacing the in-flight marker and keeping the fingerprint
   * it was claimed with.
   */
  void complete(String key, String responseJson, Duration ttl);

  /** Drops an in-flight claim (the request failed before producing a response worth caching). */
  void release(String key);

  /** What is stored for {@code key} now, without claiming it. */
  Optional<Claim> peek(String key);

  /** The TTL of completed responses. */
  Duration ttl();

  FeatureState state();

  /** How a claim's owner is kept: the SHA-256 (hex) of the user id, so the stored value has one fixed form. */
  static String ownerTag(String userId) {
    return IdempotencyValues.sha256(userId);
  }

  /** The three states of a key. */
  sealed interface Claim {

    /** The fingerprint the key was claimed with, or {@code null} (none given, or stored before fingerprints). */
    default String fingerprint() {
      return null;
    }

    /** The caller now owns the key. */
    record Acquired() implements Claim {
    }

    /**
     * Somebody else is executing the request that claimed the key.
     *
     * @param fingerprint the fingerprint it was claimed with, or {@code null}
     * @param owner the SHA-256 (hex) of the user who claimed it ({@link #ownerTag}), or {@code null} when the claim
     *     named none (or was made before owners were kept)
     */
    record InFlight(String fingerprint, String owner) implements Claim {

      public InFlight() {
        this(null, null);
      }

      public InFlight(String fingerprint) {
        this(fingerprint, null);
      }

      /** Whether the user may see this claim: it is the user's, or it names no user. */
      public boolean visibleTo(String userId) {
        return owner == null || owner.equals(IdempotencyStore.ownerTag(userId));
      }
    }

    /** A response is stored. */
    record Done(String responseJson, String fingerprint) implements Claim {

      public Done(String responseJson) {
        this(responseJson, null);
      }
    }
  }
}
