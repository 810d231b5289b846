package io.wasmhive.relay.guard;

import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The idempotency store's fallback while Redis is unreachable: the same values as in Redis, in this JVM only,
 * expiring on its monotonic clock and bounded to {@code maxEntries} keys (when full, expired keys go first,
 * then the key closest to expiry; times are compared by difference, as {@link System#nanoTime} requires). Thread-safe; a claim is atomic per key.
 */
final class InMemoryIdempotency {

  private final int maxEntries;

  private final LongSupplier nanoClock;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  InMemoryIdempotency(int maxEntries, LongSupplier nanoClock) {
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
  }

  Claim claim(String key, Duration inFlightTtl) {
    return claim(key, null, inFlightTtl);
  }

  Claim claim(String key, String fingerprint, Duration inFlightTtl) {
    return claimMarker(key, IdempotencyValues.inFlight(fingerprint), inFlightTtl);
  }

  /** Claims the key with an in-flight value made by {@link IdempotencyValues#inFlight(String, String)}. */
  Claim claimMarker(String key, String marker, Duration inFlightTtl) {
    makeRoom();
    long now = nanoClock.getAsLong();
    Claim[] claim = new Claim[1];
    entries.compute(key, (k, entry) -> {
      if (entry == null || entry.expiredAt(now)) {
        claim[0] = IdempotencyValues.ACQUIRED;
        return new Entry(marker, now + inFlightTtl.toNanos());
      }
      claim[0] = IdempotencyValues.decode(entry.value());
      return entry;
    });
    return claim[0];
  }

  void complete(String key, String responseJson, Duration ttl) {
    makeRoom();
    long now = nanoClock.getAsLong();
    entries.compute(key, (k, entry) -> new Entry(IdempotencyValues.done(
        entry == null || entry.expiredAt(now) ? null : entry.value(), responseJson), now + ttl.toNanos()));
  }

  void release(String key) {
    entries.computeIfPresent(key, (k, entry) -> IdempotencyValues.isInFlight(entry.value()) ? null : entry);
  }

  Optional<Claim> peek(String key) {
    Entry entry = entries.get(key);
    if (entry == null || entry.expiredAt(nanoClock.getAsLong())) {
      return Optional.empty();
    }
    return Optional.of(IdempotencyValues.decode(entry.value()));
  }

  int size() {
    return entries.size();
  }

  private void makeRoom() {
    if (entries.size() < maxEntries) {
      return;
    }
    long now = nanoClock.getAsLong();
    entries.values().removeIf(entry -> entry.expiredAt(now));
    while (entries.size() >= maxEntries) {
      entries.entrySet().stream()
          .min((a, b) -> Long.signum(a.getValue().expiresAt() - b.getValue().expiresAt()))
          .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
    }
  }

  /** A stored value and when it expires, in clock nanoseconds. */
  private record Entry(String value, long expiresAt) {

    boolean expiredAt(long now) {
      return now - expiresAt >= 0;
    }
  }
}
