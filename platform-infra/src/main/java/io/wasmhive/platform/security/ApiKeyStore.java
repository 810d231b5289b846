package io.wasmhive.platform.security;

import java.util.List;
import java.util.Optional;

/** Where issued API keys are kept (their hashes). Implementations are thread-safe. */
public interface ApiKeyStore {

  /** Stores a new key; its id is unique. Blocks on the store. */
  void insert(ApiKey key);

  /** The key with this id, revoked or not. Blocks on the store. */
  Optional<ApiKey> find(String id);

  /** Marks the key revoked; false when there is no such key or it was revoked before. Blocks on the store. */
  boolean revoke(String id);

  /** Every key, newest first, without a secret of course. Blocks on the store. */
  List<ApiKey> list();
}
