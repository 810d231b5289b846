package io.wasmhive.relay.resolution;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.contract.ModuleIndexFailed;
import io.wasmhive.platform.events.contract.ModuleIndexRequested;
import io.wasmhive.platform.events.contract.ModuleIndexed;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.InvalidCidException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Index requests for CIDs the module store lacks: publishes {@code module_index_requested} once per CID while
 * someone in this instance waits for it, and wakes the waiters when the indexer answers on
 * {@code module_indexed} or {@code module_index_failed} (each followed by the bus without a group, from the newest
 * entry at start). CIDs are compared in their canonical v1 form. Thread-safe.
 */
final class IndexRequests implements AutoCloseable {

  private final EventBus bus;
  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final FollowHandle indexed;
  private final FollowHandle failed;

  IndexRequests(EventBus bus, Clock clock) {
    this.bus = bus;
    this.clock = clock;
    this.indexed = bus.follow(Streams.MODULE_INDEXED, StartPosition.LATEST, this::indexed);
    this.failed = bus.follow(Streams.MODULE_INDEX_FAILED, StartPosition.LATEST, this::failed);
  }

  /**
   * Registers a wait for the CID and publishes the request unless one from this instance is pending; blocks one
   * round trip. Throws {@link io.wasmhive.platform.events.EventBusException} when the request cannot be
   * published. The caller must {@link Pending#close()} it.
   */
  Pending request(String cid) {
    String key = canonical(cid);
    Pending mine = new Pending(key);
    mine.join();
    while (true) {
      Pending existing = pending.putIfAbsent(key, mine);
      if (existing == null) {
        break;
      }
      if (existing.join()) {
        return existing;
      }
      pending.remove(key, existing);  // Closed by its last holder in the meantime.
    }
    try {
      bus.publish(new ModuleIndexRequested(cid, null, "relay-service", clock.instant()));
    } catch (RuntimeException e) {
      mine.close();
      throw e;
    }
    return mine;
  }

  private void indexed(StreamEvent event) {
    wake(bus.decode(event, ModuleIndexed.class).cid(), null);
  }

  private void failed(StreamEvent event) {
    ModuleIndexFailed failure = bus.decode(event, ModuleIndexFailed.class);
    wake(failure.cid(), "failed: " + (failure.error() == null ? "(no error given)" : failure.error()));
  }

  private void wake(String cid, String failureOrNull) {
    Pending waiting;
    try {
      waiting = cid == null ? null : pending.get(canonical(cid));
    } catch (InvalidCidException e) {
      return;
    }
    if (waiting != null) {
      waiting.wake(failureOrNull);
    }
  }

  private static String canonical(String cid) {
    return Cid.parse(cid).toV1().toString();
  }

  @Override
  public void close() {
    indexed.close();
    failed.close();
  }

  /** One CID waited for by one or more resolutions of this instance. */
  final class Pending implements AutoCloseable {

    private final String key;
    private int holders;
    private boolean closed;
    private String failure;
    private long wakeups;

    private Pending(String key) {
      this.key = key;
    }

    private synchronized boolean join() {
      if (closed) {
        return false;
      }
      holders++;
      return true;
    }

    private synchronized void wake(String failureOrNull) {
      if (failureOrNull != null) {
        failure = failureOrNull;
      }
      wakeups++;
      notifyAll();
    }

    /** Waits up to {@code millis} for an answer of the indexer; returns its failure, or null. Blocks. */
    synchronized String await(long millis, long seenWakeups) throws InterruptedException {
      long end = System.nanoTime() + millis * 1_000_000;
      while (wakeups == seenWakeups && failure == null) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        wait(left);
      }
      return failure;
    }

    synchronized long wakeups() {
      return wakeups;
    }

    /** Ends this holder's wait; the last one out forgets the CID. */
    @Override
    public synchronized void close() {
      if (--holders == 0) {
        closed = true;
        pending.remove(key, this);
      }
    }
  }
}
