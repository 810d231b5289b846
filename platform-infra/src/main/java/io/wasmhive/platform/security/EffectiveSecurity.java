package io.wasmhive.platform.security;

/**
 * The security mode a service runs in, decided once at start-up ({@code auto} resolved to local or refused).
 *
 * @param mode {@link SecurityMode#LOCAL} or {@link SecurityMode#SECURE}
 */
public record EffectiveSecurity(SecurityMode mode) {

  /** Whether every caller is the local administrator (a loopback developer instance). */
  public boolean local() {
    return mode == SecurityMode.LOCAL;
  }
}
