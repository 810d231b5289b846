package io.wasmhive.platform.security;

/** How a service authenticates its callers ({@code wasmhive.security.mode}). */
public enum SecurityMode {
  /** {@link #LOCAL} when the HTTP listener binds loopback only; otherwise the service refuses to start. */
  AUTO,
  /**
   * A developer's machine: no credentials, every caller is a local administrator, and the listener must bind
   * loopback. Requests from a browser page of another origin, or naming a non-loopback host, are refused.
   */
  LOCAL,
  /** Every request but the public ones (health) carries an API key, a JWT, or comes from a trusted proxy. */
  SECURE
}
