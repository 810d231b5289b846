package io.wasmhive.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides the effective security mode from the configured one and the address the HTTP listener binds, and
 * refuses (with a message that says what to do) every combination that would serve a reachable listener without
 * authentication.
 */
final class BindGuard {

  private BindGuard() {
  }

  /**
   * The mode to run in: {@link SecurityMode#LOCAL} or {@link SecurityMode#SECURE}.
   *
   * @param serverAddress {@code server.address}; null or blank means every interface
   * @param authenticationConfigured whether secure mode has at least one way to authenticate
   * @throws IllegalStateException when the listener is reachable from other machines and unauthenticated
   */
  static SecurityMode effectiveMode(SecurityMode configured, String serverAddress, boolean authenticationConfigured) {
    if (configured == SecurityMode.SECURE) {
      if (!authenticationConfigured) {
        throw new IllegalStateException("Refusing to start: wasmhive.security.mode=secure but no way to "
            + "authenticate is configured. Enable API keys (wasmhive.security.api-keys.enabled), a JWT issuer "
            + "(spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri) or trusted-proxy headers "
            + "(wasmhive.security.header-identity.*).");
      }
      return SecurityMode.SECURE;
    }
    if (!isLoopback(serverAddress)) {
      throw new IllegalStateException("Refusing to start: the HTTP listener binds "
          + (serverAddress == null || serverAddress.isBlank() ? "every interface" : serverAddress)
          + ", which other machines can reach, without authentication (wasmhive.security.mode="
          + configured.name().toLowerCase(java.util.Locale.ROOT) + "). Set WASMHIVE_SECURITY_MODE=secure and "
          + "issue an API key (or configure a JWT issuer), or bind loopback with SERVER_ADDRESS=127.0.0.1.");
    }
    return SecurityMode.LOCAL;
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      for (InetAddress resolved : InetAddress.getAllByName(address.trim())) {
        if (!resolved.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
