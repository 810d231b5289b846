package io.wasmhive.procedure.derive;

import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.store.Derivation;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A derivation's database kept in memory with the head it is at. Only the holder of {@link #lock} reads or
 * changes it; a retired one (evicted from the cache, or left inconsistent by a failure) is closed by whoever
 * releases it last and is never used again.
 */
final class Live {

  final ReentrantLock lock = new ReentrantLock();
  final DerivationDatabase db;
  Derivation head;
  private boolean retired;
  private boolean closed;

  Live(DerivationDatabase db, Derivation head) {
    this.db = db;
    this.head = head;
  }

  /** Marks it retired; closes it now when nobody holds it. Thread-safe. */
  void retire() {
    synchronized (this) {
      retired = true;
    }
    if (lock.tryLock()) {
      release();
    }
  }

  synchronized boolean retired() {
    return retired;
  }

  /** Unlocks; closes the database when it is retired. Called by the lock's holder. */
  void release() {
    try {
      synchronized (this) {
        if (retired && !closed) {
          closed = true;
          db.close();
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
