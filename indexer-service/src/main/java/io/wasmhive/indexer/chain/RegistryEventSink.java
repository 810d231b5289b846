package io.wasmhive.indexer.chain;

/**
 * Where the chain watcher hands registry events; the indexer implements it (index the CID, record the id as
 * an alias).
 *
 * <p>Methods are called on the watcher's one thread, one event at a time, in (block, log index) order, and
 * block the watcher until they return. Returning accepts the event; throwing refuses it, and the watcher hands
 * the same event again on a later poll (with backoff) before any event after it. A crash between acceptance
 * and the cursor write hands that one event again, so an implementation should be idempotent.
 */
public interface RegistryEventSink {

  /** Accepts a registration; blocks the watcher while it runs. */
  void created(ModuleRegistered event);

  /** Accepts an update; blocks the watcher while it runs. */
  void updated(ModuleUpdated event);
}
