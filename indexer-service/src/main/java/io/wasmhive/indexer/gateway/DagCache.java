package io.wasmhive.indexer.gateway;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The DAGs of recently served modules, least recently used evicted first, bounded by total block bytes, so a
 * burst of block requests for one module re-chunks it once. Thread-safe.
 */
final class DagCache {

  private final long maxBytes;
  private final LinkedHashMap<String, ModuleDag> dags = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  DagCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The cached DAG under the key, or the one {@code build} makes (cached when it fits). */
  ModuleDag get(String key, Supplier<ModuleDag> build) {
    synchronized (this) {
      ModuleDag hit = dags.get(key);
      if (hit != null) {
        return hit;
      }
    }
    ModuleDag built = build.get();
    if (built != null && built.size() <= maxBytes) {
      put(key, built);
    }
    return built;
  }

  private synchronized void put(String key, ModuleDag dag) {
    ModuleDag old = dags.put(key, dag);
    bytes += dag.size() - (old == null ? 0 : old.size());
    Iterator<Map.Entry<String, ModuleDag>> eldest = dags.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= eldest.next().getValue().size();
      eldest.remove();
    }
  }
}
