package io.wasmhive.executor.internal.host;

import java.security.SecureRandom;

/** Where {@code random_get} bytes come from. */
interface RandomSource {

  /** Fills {@code bytes}. */
  void fill(byte[] bytes);

  /** The host's secure generator, for normal executions. */
  static RandomSource secure() {
    return SecureHolder.RANDOM::nextBytes;
  }

  /** Lazily created, shared: SecureRandom is thread-safe and costly to seed. */
  final class SecureHolder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureHolder() {
    }
  }
}
