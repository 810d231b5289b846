package io.wasmhive.procedure.catalog;

import io.wasmhive.procedure.store.Procedure;
import io.wasmhive.procedure.store.ProcedureStore;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Procedures of recent calls, kept in memory so that a call does no MongoDB I/O. This instance fills an entry
 * on create, replace and miss and removes it on drop; changes made by other instances are seen after at most
 * {@code revalidateNanos}, because an entry older than that is read again from the store before it is used.
 * A call keeps the {@link Procedure} it started with, so a replace or drop never changes a call in flight.
 * Thread-safe; {@link #find} blocks on the store only on a miss or a revalidation.
 */
final class ProcedureCache {

  private record Key(String database, String name) {
  }

  private record Entry(Procedure procedure, long checkedAt) {
  }

  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
  /** Bumped by every change of this instance, so a miss that raced with one does not cache what it read. */
  private final AtomicLong changes = new AtomicLong();
  private final ProcedureStore store;
  private final long revalidateNanos;
  private final int maxEntries;
  private final LongSupplier clock;

  ProcedureCache(ProcedureStore store, long revalidateNanos, int maxEntries, LongSupplier clock) {
    this.store = store;
    this.revalidateNanos = revalidateNanos;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** The procedure: from memory when its entry is fresh, else from the store (and then cached). */
  Optional<Procedure> find(String database, String name) {
    Key key = new Key(database, name);
    long now = clock.getAsLong();
    Entry entry = entries.get(key);
    if (entry != null && now - entry.checkedAt() <= revalidateNanos) {
      return Optional.of(entry.procedure());
    }
    long before = changes.get();
    Optional<Procedure> stored = store.find(database, name);
    if (changes.get() == before) {
      if (stored.isPresent()) {
        put(key, new Entry(stored.get(), now));
      } else {
        entries.remove(key);
      }
    }
    return stored;
  }

  /** Records what this instance just created or replaced. */
  void stored(Procedure procedure) {
    changes.incrementAndGet();
    put(new Key(procedure.database(), procedure.name()), new Entry(procedure, clock.getAsLong()));
  }

  /** Forgets a procedure this instance dropped (or failed to replace). */
  void evict(String database, String name) {
    changes.incrementAndGet();
    entries.remove(new Key(database, name));
  }

  int size() {
    return entries.size();
  }

  private void put(Key key, Entry entry) {
    if (entries.size() >= maxEntries && !entries.containsKey(key)) {
      // Dropping an arbitrary entry is enough: the cache only saves a lookup, it never decides an answer.
      Iterator<Key> any = entries.keySet().iterator();
      if (any.hasNext()) {
        entries.remove(any.next());
      }
    }
    entries.put(key, entry);
  }
}
