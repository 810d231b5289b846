package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.ChainPosition;

/** A decoded registry log and where it sits in the chain; events are handed over in (block, log index) order. */
public sealed interface RegistryEvent extends ChainPosition permits ModuleRegistered, ModuleUpdated {

  /** The module id, 0x and 64 lower-case hex digits (the contract's {@code bytes32}). */
  String id();

  @Override
  long blockNumber();

  /** The transaction hash, 0x and 64 lower-case hex digits. */
  String txHash();

  /** The log's index within its block. */
  @Override
  long logIndex();
}
