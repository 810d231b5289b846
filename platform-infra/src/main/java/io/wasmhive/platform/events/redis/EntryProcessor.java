package io.wasmhive.platform.events.redis;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.wasmhive.platform.events.ConsumerOptions;
import io.wasmhive.platform.events.Delivery;
import io.wasmhive.platform.events.EventHandler;
import io.wasmhive.platform.events.InvalidEventException;

/**
 * Decides the fate of one delivered entry: decode it, hand it to the handler, then acknowledge it,
 * leave it pending for another delivery, or dead-letter it. One per worker; blocks while the
 * handler runs; Redis failures propagate to the worker.
 *
 * @param <E> the event type
 */
final class EntryProcessor<E> {

  private static final Log logger = LogFactory.getLog(EntryProcessor.class);

  private final Class<E> type;

  private final EventHandler<E> handler;

  private final ConsumerOptions options;

  private final EventCodec codec;

  private final StreamClient client;

  private final DeadLetters deadLetters;

  private final DeadLetters.Target target;

  EntryProcessor(Class<E> type, EventHandler<E> handler, ConsumerOptions options, EventCodec codec,
      StreamClient client, DeadLetters deadLetters, DeadLetters.Target target) {
    this.type = type;
    this.handler = handler;
    this.options = options;
    this.codec = codec;
    this.client = client;
    this.deadLetters = deadLetters;
    this.target = target;
  }

  /** Processes the entry. */
  void process(StreamEntry entry) {
    E event;
    try {
      event = codec.decode(entry.fields(), type);
    } catch (InvalidEventException undecodable) {
      deadLetter(entry, undecodable, false);
      return;
    }
    if (entry.deliveryCount() > options.maxDeliveries()) {
      // The consumer that held it died while handling it, as many times as it may be delivered.
      deadLetter(entry, new IllegalStateException("Delivered " + entry.deliveryCount()
          + " times, more than the " + options.maxDeliveries() + " allowed"), true);
      return;
    }
    Exception failure = invoke(event, entry);
    if (failure == null) {
      client.ack(target.stream(), target.group(), entry.id());
    } else {
      afterFailure(entry, failure);
    }
  }

  private Exception invoke(E event, StreamEntry entry) {
    Delivery delivery = new Delivery(target.stream(), target.group(), target.consumer(), entry.id(),
        entry.fields().get(EventCodec.TYPE), EventCodec.occurredAt(entry.fields()), entry.deliveryCount());
    try {
      handler.handle(event, delivery);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (Exception e) {
      return e;
    }
  }

  private void afterFailure(StreamEntry entry, Exception failure) {
    boolean retryable = Retryability.isRetryable(failure);
    if (!retryable || entry.deliveryCount() >= options.maxDeliveries()) {
      deadLetter(entry, failure, retryable);
    } else if (logger.isDebugEnabled()) {
      logger.debug("Delivery " + entry.deliveryCount() + " of " + target.stream() + " " + entry.id()
          + " to " + target.group() + " failed; it stays pending for another: " + failure);
    }
  }

  private void deadLetter(StreamEntry entry, Throwable failure, boolean retryable) {
    String id = deadLetters.move(target, entry, failure, retryable);
    logger.warn("Dead-lettered " + target.stream() + " " + entry.id() + " of group " + target.group()
        + " after " + entry.deliveryCount() + " deliveries to " + target.deadLetterStream() + " " + id
        + ": " + DeadLetters.describe(failure));
  }
}
