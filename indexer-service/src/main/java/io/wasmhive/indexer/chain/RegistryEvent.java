package io.wasmhive.indexer.chain;

/** A decoded registry log and where it sits in the chain; events are handed over in (block, log index) order. */
public sealed interface RegistryEvent permits ModuleRegistered, ModuleUpdated {

  /** The module id, 0x and 64 lower-case hex digits (the contract's {@code bytes32}). */
  String id();

  long blockNumber();

  /** The transaction hash, 0x and 64 lower-case hex digits. */
  String txHash();

  /** The log's index within its block. */
  long logIndex();
}
