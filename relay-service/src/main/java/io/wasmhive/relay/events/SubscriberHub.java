package io.wasmhive.relay.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The subscribers of one relay instance, indexed by user so that an event costs a look-up, not a scan of every
 * connection. Places are reserved before a connection is accepted, to hold {@code relay.sse.max-connections}
 * exactly. Thread-safe; no method blocks.
 */
final class SubscriberHub {

  private final int maxConnections;
  private final AtomicInteger places = new AtomicInteger();
  private final AtomicInteger unfinished = new AtomicInteger();
  private final LongAdder tooSlow = new LongAdder();
  private final Set<Subscriber> all = ConcurrentHashMap.newKeySet();
  private final Set<Subscriber> watchers = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Set<Subscriber>> byUser = new ConcurrentHashMap<>();

  SubscriberHub(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  /** Takes a place for a new connection; false when all {@code max-connections} are taken. */
  boolean tryReserve() {
    while (true) {
      int taken = places.get();
      if (taken >= maxConnections) {
        return false;
      }
      if (places.compareAndSet(taken, taken + 1)) {
        return true;
      }
    }
  }

  /** Gives back a place taken by {@link #tryReserve()} for a connection that did not become a subscriber. */
  void release() {
    places.decrementAndGet();
  }

  /** Adds a subscriber holding a reserved place; from now on it is offered every event the reader fans out. */
  void add(Subscriber subscriber) {
    unfinished.incrementAndGet();
    all.add(subscriber);
    SubscriberFilter filter = subscriber.filter();
    if (filter.allUsers()) {
      watchers.add(subscriber);
    } else {
      // Inside compute, so that a concurrent remove cannot drop the set this subscriber joins.
      byUser.compute(filter.userId(), (user, set) -> {
        Set<Subscriber> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
        subscribers.add(subscriber);
        return subscribers;
      });
    }
  }

  /** Removes a subscriber and frees its place; called once, when it closes. */
  void remove(Subscriber subscriber) {
    if (!all.remove(subscriber)) {
      return;
    }
    SubscriberFilter filter = subscriber.filter();
    if (filter.allUsers()) {
      watchers.remove(subscriber);
    } else {
      byUser.computeIfPresent(filter.userId(), (user, set) -> {
        set.remove(subscriber);
        return set.isEmpty() ? null : set;
      });
    }
    places.decrementAndGet();
  }

  /** Offers the event to its user's subscribers and to the watch-all subscribers, in the caller's thread. */
  void fanOut(StreamedEvent event) {
    if (event.userId() != null) {
      Set<Subscriber> own = byUser.get(event.userId());
      if (own != null) {
        own.forEach(subscriber -> subscriber.offer(event));
      }
    }
    watchers.forEach(subscriber -> subscriber.offer(event));
  }

  /** Queues a notice for every subscriber. */
  void broadcast(byte[] frame) {
    all.forEach(subscriber -> subscriber.offerNotice(frame));
  }

  /** Queues a heartbeat for each subscriber that had nothing queued for {@code idleNanos}. */
  void heartbeat(long idleNanos) {
    long now = System.nanoTime();
    all.forEach(subscriber -> subscriber.heartbeatIfIdle(now, idleNanos));
  }

  /** Closes every subscriber (shutdown). */
  void closeAll() {
    all.forEach(Subscriber::close);
  }

  /** Called once per subscriber when the container has completed its request. */
  void finished() {
    unfinished.decrementAndGet();
  }

  /** Counts a subscriber closed because its queue overflowed. */
  void tooSlow() {
    tooSlow.increment();
  }

  /** Subscribers closed so far because they did not keep up. */
  long closedTooSlow() {
    return tooSlow.sum();
  }

  /** Subscribers whose requests the container has not completed yet (open ones included). */
  int unfinished() {
    return unfinished.get();
  }

  /** Connections open or being opened. */
  int connections() {
    return places.get();
  }
}
