package io.wasmhive.platform.events;

import java.time.Duration;
import java.util.List;

/**
 * The condition of {@link EventBus#publishIf} and the key write that goes with it: the publication
 * goes ahead only if {@code key} holds one of {@code allowed} (or nothing, when
 * {@code absentAllowed}), and then {@code key} is set to {@code newValue} for {@code ttl} in the same
 * atomic operation. This is how a consumer marks work done exactly when it announces it (the relay's
 * {@code relay:done:<request_id>} marker). Immutable.
 *
 * @param key the key read and written; on Redis Cluster it shares a hash slot with the streams
 * @param absentAllowed whether a missing key lets the publication go ahead
 * @param allowed the values that let it go ahead
 * @param newValue what the key is set to when it goes ahead, or null to leave it as it is
 * @param ttl how long the new value lives; ignored without one
 */
public record KeyGuard(String key, boolean absentAllowed, List<String> allowed, String newValue, Duration ttl) {

  public KeyGuard {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("A key guard needs a key");
    }
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
    if (!absentAllowed && allowed.isEmpty()) {
      throw new IllegalArgumentException("A key guard that allows nothing would never publish");
    }
    if (newValue != null && (ttl == null || ttl.toMillis() < 1)) {
      throw new IllegalArgumentException("A key guard's new value needs a ttl of at least 1 ms, was " + ttl);
    }
  }

  /** Goes ahead when the key is missing or holds {@code value}. */
  public static KeyGuard absentOr(String key, String value) {
    return new KeyGuard(key, true, List.of(value), null, null);
  }

  /** Goes ahead only when the key is missing. */
  public static KeyGuard absent(String key) {
    return new KeyGuard(key, true, List.of(), null, null);
  }

  /** This guard, setting the key to {@code value} for {@code ttl} when it goes ahead. */
  public KeyGuard thenSet(String value, Duration ttl) {
    return new KeyGuard(key, absentAllowed, allowed, value, ttl);
  }
}
