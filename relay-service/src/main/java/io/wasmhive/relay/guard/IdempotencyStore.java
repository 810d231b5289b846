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
  Claim claim(String key, Duration inFlightTtl);

  /** Stores the response for {@code key} for {@code ttl}, replacing the in-flight marker. */
  void complete(String key, String responseJson, Duration ttl);

  /** Drops an in-flight claim (the request failed before producing a response worth caching). */
  void release(String key);

  /** What is stored for {@code key} now, without claiming it. */
  Optional<Claim> peek(String key);

  /** The TTL of completed responses. */
  Duration ttl();

  FeatureState state();

  /** The three states of a key. */
  sealed interface Claim {

    /** The caller now owns the key. */
    record Acquired() implements Claim {
    }

    /** Somebody else is executing this request. */
    record InFlight() implements Claim {
    }

    /** A response is stored. */
    record Done(String responseJson) implements Claim {
    }
  }
}
