package io.wasmhive.platform.sse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The subscribers of one endpoint on one instance, indexed by route so that an event costs a look-up, not a scan
 * of every connection. Places are reserved before a connection is accepted, to hold the maximum exactly.
 * Thread-safe; no method blocks.
 *
 * @param <E> the endpoint's events
 */
public final class SseHub<E extends SseEvent> {

  private final int maxConnections;
  private final int maxPerPrincipal;
  private final ConcurrentHashMap<String, Integer> perPrincipal = new ConcurrentHashMap<>();
  private final AtomicInteger places = new AtomicInteger();
  private final AtomicInteger unfinished = new AtomicInteger();
  private final LongAdder tooSlow = new LongAdder();
  private final Set<SseSubscriber<E>> all = ConcurrentHashMap.newKeySet();
  private final Set<SseSubscriber<E>> everything = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Set<SseSubscriber<E>>> byRoute = new ConcurrentHashMap<>();

  SseHub(int maxConnections, int maxPerPrincipal) {
    this.maxConnections = maxConnections;
    this.maxPerPrincipal = maxPerPrincipal;
  }

  /** Takes a place for a new connection of a principal, or says which limit refuses it. */
  Admission tryReserve(String principal) {
    boolean[] taken = {false};
    perPrincipal.compute(principal, (key, count) -> {
      int current = count == null ? 0 : count;
      if (current >= maxPerPrincipal) {
        return count;
      }
      taken[0] = true;
      return current + 1;
    });
    if (!taken[0]) {
      return Admission.PRINCIPAL_FULL;
    }
    while (true) {
      int used = places.get();
      if (used >= maxConnections) {
        releasePrincipal(principal);
        return Admission.INSTANCE_FULL;
      }
      if (places.compareAndSet(used, used + 1)) {
        return Admission.ADMITTED;
      }
    }
  }

  /** Gives back a place taken by {@link #tryReserve} for a connection that did not become a subscriber. */
  void release(String principal) {
    places.decrementAndGet();
    releasePrincipal(principal);
  }

  private void releasePrincipal(String principal) {
    perPrincipal.computeIfPresent(principal, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** Open connections of one principal. */
  public int connections(String principal) {
    return perPrincipal.getOrDefault(principal, 0);
  }

  /** Adds a subscriber holding a reserved place; from now on it is offered every event of its route. */
  void add(SseSubscriber<E> subscriber) {
    unfinished.incrementAndGet();
    all.add(subscriber);
    String route = subscriber.filter().route();
    if (route == null) {
      everything.add(subscriber);
    } else {
      // Inside compute, so that a concurrent remove cannot drop the set this subscriber joins.
      byRoute.compute(route, (key, set) -> {
        Set<SseSubscriber<E>> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
        subscribers.add(subscriber);
        return subscribers;
      });
    }
  }

  /** Removes a subscriber and frees its place; called once, when it closes. */
  void remove(SseSubscriber<E> subscriber) {
    if (!all.remove(subscriber)) {
      return;
    }
    String route = subscriber.filter().route();
    if (route == null) {
      everything.remove(subscriber);
    } else {
      byRoute.computeIfPresent(route, (key, set) -> {
        set.remove(subscriber);
        return set.isEmpty() ? null : set;
      });
    }
    release(subscriber.principal());
  }

  /** Offers the event to the subscribers of its routes and to those of every event, in the caller's thread. */
  void fanOut(E event) {
    for (String route : event.routes()) {
      Set<SseSubscriber<E>> own = byRoute.get(route);
      if (own != null) {
        own.forEach(subscriber -> subscriber.offer(event));
      }
    }
    everything.forEach(subscriber -> subscriber.offer(event));
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
    all.forEach(SseSubscriber::close);
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
  public long closedTooSlow() {
    return tooSlow.sum();
  }

  /** Subscribers whose requests the container has not completed yet (open ones included). */
  public int unfinished() {
    return unfinished.get();
  }

  /** Connections open or being opened. */
  public int connections() {
    return places.get();
  }
}
