package io.wasmhive.relay.execution;

import io.wasmhive.platform.events.EncodedEvent;

/**
 * Hears of every outcome this process's executor consumers published on {@code wasm_exec_completed}, just after
 * the publication, on the consumer's thread: so that this instance's waiters can be answered at once instead of
 * after their follow of the stream reads it back (one Redis read and one thread hand-off fewer). The stream stays
 * the contract; a listener only answers early what the stream would answer anyway. Implementations must be
 * thread-safe and must not block.
 */
public interface PublishedOutcomes {

  /** Nobody listens (a relay without this instance's waiters). */
  PublishedOutcomes NONE = outcome -> { };

  /** The outcome, exactly as it was published (its wire name and payload). */
  void published(EncodedEvent outcome);
}
