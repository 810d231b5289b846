package io.wasmhive.platform.chainwatch;

/** Where a log sits in the chain: what {@link LogWatcher} orders and resumes by. */
public interface ChainPosition {

  /** The block that holds the log. */
  long blockNumber();

  /** The log's index within its block. */
  long logIndex();
}
