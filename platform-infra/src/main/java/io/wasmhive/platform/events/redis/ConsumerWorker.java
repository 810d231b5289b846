package io.wasmhive.platform.events.redis;

import java.util.List;

import io.wasmhive.platform.events.ConsumerOptions;

/**
 * One worker of a subscription, on its own thread, as one consumer of the group: makes sure the
 * group exists, every claim interval takes over entries left idle by any consumer, and otherwise
 * reads new entries, blocking up to the block timeout. When Redis fails it backs off (never spins)
 * and, once Redis answers, creates the group again if a restart lost it.
 */
final class ConsumerWorker implements Runnable {

  private final RedisSubscription owner;

  private final String consumer;

  private final ConsumerOptions options;

  private final StreamClient client;

  private final PendingClaimer claimer;

  private final EntryProcessor<?> processor;

  private final Backoff backoff;

  private boolean groupReady;

  private long nextClaimNanos = System.nanoTime();

  ConsumerWorker(RedisSubscription owner, String consumer, ConsumerOptions options,
      StreamClient client, PendingClaimer claimer, EntryProcessor<?> processor, Backoff backoff) {
    this.owner = owner;
    this.consumer = consumer;
    this.options = options;
    this.client = client;
    this.claimer = claimer;
    this.processor = processor;
    this.backoff = backoff;
  }

  /** Runs until the subscription closes. */
  @Override
  public void run() {
    while (owner.isRunning()) {
      try {
        pollOnce();
        owner.outage().succeeded();
        backoff.reset();
      } catch (RuntimeException failure) {
        if (!owner.isRunning()) {
          return;
        }
        groupReady = false;
        owner.outage().failed(failure);
        owner.awaitClose(backoff.next());
      }
    }
  }

  private void pollOnce() {
    if (!groupReady) {
      client.ensureGroup(owner.stream(), owner.group(), options.startPosition().redisId());
      groupReady = true;
    }
    if (System.nanoTime() - nextClaimNanos >= 0 && reclaimed() > 0) {
      return;  // There may be more: claim again before blocking on a read.
    }
    handle(client.readNew(owner.stream(), owner.group(), consumer, options.batchSize(),
        options.blockTimeout()));
  }

  private int reclaimed() {
    List<StreamEntry> claimed = claimer.claim(owner.stream(), owner.group(), consumer,
        options.reclaimIdle(), options.batchSize());
    nextClaimNanos = System.nanoTime() + (claimed.isEmpty() ? options.claimInterval().toNanos() : 0);
    handle(claimed);
    return claimed.size();
  }

  private void handle(List<StreamEntry> entries) {
    for (StreamEntry entry : entries) {
      if (!owner.isRunning()) {
        return;  // Left pending: the group reclaims it after the idle time.
      }
      processor.process(entry);
    }
  }
}
