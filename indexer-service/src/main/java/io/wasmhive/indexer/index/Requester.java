package io.wasmhive.indexer.index;

import io.wasmhive.platform.modules.AliasOwner;
import io.wasmhive.platform.security.Caller;

/**
 * Who asks for a CID to be indexed, as far as its alias goes: a principal over HTTP (an administrator may re-point
 * other principals' aliases), or the chain watcher, for which the on-chain registry owns the alias.
 *
 * @param name recorded as {@code requested_by} on {@code module_index_requested}
 * @param owner who owns an alias this request gives
 * @param admin whether the request may re-point an alias another principal owns
 */
public record Requester(String name, AliasOwner owner, boolean admin) {

  /** The {@code requested_by} of the chain watcher's requests. */
  public static final String CHAIN_WATCHER = "chain-watcher";

  /** A caller of {@code POST /index}. */
  public static Requester of(Caller caller) {
    return new Requester("indexer-http", AliasOwner.principal(caller.principal()), caller.isAdmin());
  }

  /** The chain watcher, recording a registry id. */
  public static Requester chainWatcher() {
    return new Requester(CHAIN_WATCHER, AliasOwner.REGISTRY, false);
  }

  /** Whether the alias this request gives is the registry's. */
  boolean registry() {
    return owner.registry();
  }
}
