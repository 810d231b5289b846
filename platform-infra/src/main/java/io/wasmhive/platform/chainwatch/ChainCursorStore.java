package io.wasmhive.platform.chainwatch;

import java.util.Optional;

/** Keeps a watcher's {@link ChainCursor} across restarts, one per {@link CursorKey}. */
public interface ChainCursorStore {

  /** The saved cursor, empty when none was saved. Blocks on the store; thread-safe. */
  Optional<ChainCursor> load(CursorKey key);

  /** Saves {@code cursor}, replacing the one saved before. Blocks until the store has it; thread-safe. */
  void save(CursorKey key, ChainCursor cursor);
}
