package io.wasmhive.indexer.chain;

import java.util.Optional;

/** Keeps the watcher's {@link ChainCursor} across restarts, one per {@link ChainCursorKey}. */
interface ChainCursorStore {

  /** The saved cursor, empty when none was saved. Blocks on the store; thread-safe. */
  Optional<ChainCursor> load(ChainCursorKey key);

  /** Saves {@code cursor}, replacing the one saved before. Blocks until the store has it; thread-safe. */
  void save(ChainCursorKey key, ChainCursor cursor);
}
