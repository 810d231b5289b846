package io.wasmhive.platform.chainwatch;

import java.util.Map;

/** Whose cursor: one stored cursor per key. */
public interface CursorKey {

  /** The id the cursor is stored under; equal ids are the same cursor. */
  String id();

  /** Descriptive members stored beside the cursor (for people and queries; never read back). */
  default Map<String, Object> labels() {
    return Map.of();
  }
}
