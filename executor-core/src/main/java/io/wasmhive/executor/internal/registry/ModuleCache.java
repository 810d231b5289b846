package io.wasmhive.executor.internal.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded LRU map of compiled modules; evicted modules are released. Thread-safe (one lock). */
final class ModuleCache {

  private final int capacity;
  private final LinkedHashMap<String, CompiledModule> entries;

  ModuleCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The module with a reference taken for the caller, or {@code null}. */
  synchronized CompiledModule acquire(String id) {
    CompiledModule m = entries.get(id);
    return m != null && m.retain() ? m : null;
  }

  /** Adds a module (the cache keeps the reference it was created with), evicting the least recently used. */
  synchronized void put(String id, CompiledModule module) {
    CompiledModule previous = entries.put(id, module);
    if (previous != null && previous != module) {
      previous.release();
    }
    while (entries.size() > capacity) {
      Map.Entry<String, CompiledModule> eldest = entries.entrySet().iterator().next();
      entries.remove(eldest.getKey());
      eldest.getValue().release();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized void clear() {
    entries.values().forEach(CompiledModule::release);
    entries.clear();
  }
}
