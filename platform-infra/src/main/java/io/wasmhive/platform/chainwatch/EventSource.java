package io.wasmhive.platform.chainwatch;

import java.util.List;

/**
 * A chain as a {@link LogWatcher} reads it: its id, its head, and the items (decoded logs) of a block range.
 *
 * @param <E> the items, each at a position in the chain
 */
public interface EventSource<E extends ChainPosition> {

  /** The chain id ({@code eth_chainId}). Blocks on the network; thread-safe. */
  long chainId();

  /** The latest block number ({@code eth_blockNumber}). Blocks on the network; thread-safe. */
  long headBlock();

  /** The items of blocks {@code from..to} inclusive, sorted by (block, log index). Blocks on the network. */
  List<E> events(long from, long to);
}
