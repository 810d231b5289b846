package io.wasmhive.platform.security;

/**
 * A key just issued: the only moment its secret exists outside the caller's hands.
 *
 * @param key the stored key
 * @param token the whole bearer token, {@code whk_<id>_<secret>}; shown once, never stored or logged
 */
public record IssuedApiKey(ApiKey key, String token) {

  @Override
  public String toString() {
    return "IssuedApiKey[id=" + key.id() + ", token=(hidden)]";
  }
}
