package io.wasmhive.procedure.derive;

import java.util.LinkedHashMap;
import java.util.Map;

/** The live databases, least recently used evicted (retired) beyond {@code maxEntries}. Thread-safe. */
final class LiveCache {

  private final int maxEntries;
  private final LinkedHashMap<String, Live> entries = new LinkedHashMap<>(16, 0.75f, true);

  LiveCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  synchronized Live get(String id) {
    return entries.get(id);
  }

  void put(String id, Live live) {
    Live evicted = null;
    Live replaced;
    synchronized (this) {
      replaced = entries.put(id, live);
      if (entries.size() > maxEntries) {
        Map.Entry<String, Live> eldest = entries.entrySet().iterator().next();
        evicted = eldest.getValue();
        entries.remove(eldest.getKey());
      }
    }
    if (replaced != null && replaced != live) {
      replaced.retire();
    }
    if (evicted != null) {
      evicted.retire();
    }
  }

  /** Removes and retires the entry if it is still {@code live}. */
  void discard(String id, Live live) {
    synchronized (this) {
      entries.remove(id, live);
    }
    live.retire();
  }

  synchronized int size() {
    return entries.size();
  }
}
