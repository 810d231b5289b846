package io.wasmhive.procedure.store;

import java.util.Optional;

/**
 * Module bytes stored once per SHA-256, shared by every procedure (and service) that uses the same module.
 * Implementations are thread-safe and block on I/O.
 */
public interface ModuleBytesStore {

  /** Stores the bytes under their SHA-256 hex unless already there; idempotent. */
  void put(String sha256, byte[] bytes);

  /** The bytes stored under the SHA-256 hex, or empty. */
  Optional<byte[]> get(String sha256);
}
