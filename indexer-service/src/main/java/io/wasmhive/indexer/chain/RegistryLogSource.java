package io.wasmhive.indexer.chain;

import java.util.List;

/** The chain as the watcher reads it: its id, its head and the registry's events in a block range. */
interface RegistryLogSource {

  /** The chain id ({@code eth_chainId}). Blocks on the network; thread-safe. */
  long chainId();

  /** The latest block number ({@code eth_blockNumber}). Blocks on the network; thread-safe. */
  long headBlock();

  /**
   * The registry's events in blocks {@code from..to} inclusive, sorted by (block, log index). Blocks on the
   * network; thread-safe.
   */
  List<RegistryEvent> events(long from, long to);
}
