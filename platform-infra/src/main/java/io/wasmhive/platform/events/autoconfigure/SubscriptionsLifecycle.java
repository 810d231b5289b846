package io.wasmhive.platform.events.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.SubscriptionHandle;

/**
 * Subscribes every {@link Subscription} bean when the context starts and closes them when it
 * stops. Its phase is the highest, so consumers stop first: before the web server's graceful
 * shutdown and before the Redis connection factory. Thread-safe.
 */
class SubscriptionsLifecycle implements SmartLifecycle {

  private final EventBus bus;

  private final ObjectProvider<Subscription<?>> subscriptions;

  private final List<SubscriptionHandle> running = new ArrayList<>();

  SubscriptionsLifecycle(EventBus bus, ObjectProvider<Subscription<?>> subscriptions) {
    this.bus = bus;
    this.subscriptions = subscriptions;
  }

  /** Subscribes each bean; does not wait for Redis. */
  @Override
  public synchronized void start() {
    if (!running.isEmpty()) {
      return;
    }
    subscriptions.orderedStream().forEach(subscription -> running.add(bus.subscribe(subscription)));
  }

  /** Closes the subscriptions; blocks until their workers end. */
  @Override
  public synchronized void stop() {
    running.forEach(SubscriptionHandle::close);
    running.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return !running.isEmpty();
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
