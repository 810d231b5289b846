package io.wasmhive.platform.events.redis;

import java.time.Duration;

import io.wasmhive.platform.events.EventBusProperties;

/** Doubling waits between failed attempts, capped, reset by a success. One per worker; not thread-safe. */
final class Backoff {

  private final Duration initial;

  private final Duration max;

  private Duration next;

  Backoff(EventBusProperties.Backoff settings) {
    this.initial = settings.initial();
    this.max = settings.max();
    this.next = initial;
  }

  /** The wait before the next attempt; doubles the one after. */
  Duration next() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  /** Starts over at the initial wait. */
  void reset() {
    next = initial;
  }
}
