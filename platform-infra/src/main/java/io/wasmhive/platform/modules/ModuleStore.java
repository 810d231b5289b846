package io.wasmhive.platform.modules;

import java.util.List;
import java.util.Optional;

/**
 * WebAssembly modules by content address. The store computes each module's SHA-256 and CIDs itself from the
 * bytes, so what it returns for an address always matches it. Implementations are thread-safe and block on I/O.
 */
public interface ModuleStore {

  /**
   * Stores the bytes unless a module with the same SHA-256 is already there, and adds the origin's aliases,
   * extra CIDs and source to it; storing the same bytes twice changes nothing else. Returns the stored module.
   * Aliases are pointed at the module whoever owns them: a caller acting for a principal claims them first
   * ({@link #claimAlias}).
   *
   * @throws ModuleHashMismatchException when the origin expects another SHA-256 than the bytes have
   */
  StoredModule put(byte[] bytes, ModuleOrigin origin);

  /**
   * The module a reference names: a SHA-256 (64 hex digits), a CID in any form (CIDv0 {@code Qm…} or CIDv1
   * {@code b…}; a v0 CID and its v1 form name the same module) or an alias (which names the module it was most
   * recently given to). Empty when none matches.
   */
  Optional<StoredModule> find(String reference);

  /**
   * The SHA-256 a reference names, cheaply: a SHA-256 reference is returned as it is (lower case) without
   * checking that the module exists; a CID or alias is looked up. Empty when a CID or alias names nothing.
   */
  Optional<String> resolve(String reference);

  /** The bytes of the module with this SHA-256 hex, or empty. */
  Optional<byte[]> bytes(String sha256);

  /**
   * Adds an alias to the module with this SHA-256 (pointing the alias at it, whoever owns the alias; its owner
   * stays); {@code false} when there is no such module.
   */
  boolean addAlias(String sha256, String alias);

  /** Who owns the alias; empty while nobody claimed it (never given, or given before owners were recorded). */
  Optional<AliasOwner> aliasOwner(String alias);

  /**
   * Claims the alias, atomically: an unowned alias goes to the claimant, an alias another principal owns stays
   * theirs, and the registry takes any alias (its ids are its own). Returns the alias's owner afterwards, which
   * the caller compares with the claimant. Changes only the owner, never which module the alias names (nor
   * creates a name for none: an alias claimed before it is given names nothing yet).
   */
  AliasOwner claimAlias(String alias, AliasOwner claimant);

  /** Modules by when they were stored, newest first: {@code limit} of them after skipping {@code offset}. */
  List<StoredModule> list(int offset, int limit);

  /** How many modules are stored. */
  long count();
}
