package io.wasmhive.relay.health;

/**
 * How one feature of the relay stands, for {@code GET /intent/execute-wasm/health}: a feature reads {@code true}
 * there only when it is enabled and not degraded.
 *
 * @param enabled switched on by configuration
 * @param degraded running on a fallback (for example idempotency in memory while Redis is unreachable)
 * @param detail a short human-readable note, empty when there is nothing to say
 */
public record FeatureState(boolean enabled, boolean degraded, String detail) {

  public FeatureState {
    detail = detail == null ? "" : detail;
  }

  public static FeatureState up() {
    return new FeatureState(true, false, "");
  }

  public static FeatureState off() {
    return new FeatureState(false, false, "disabled by configuration");
  }

  public static FeatureState degraded(String detail) {
    return new FeatureState(true, true, detail);
  }

  /** What the health endpoint prints for this feature. */
  public boolean healthy() {
    return enabled && !degraded;
  }
}
