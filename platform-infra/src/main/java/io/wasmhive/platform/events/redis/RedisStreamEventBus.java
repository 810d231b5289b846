package io.wasmhive.platform.events.redis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.wasmhive.platform.events.ConsumerOptions;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.InvalidEventException;
import io.wasmhive.platform.events.StreamNames;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.SubscriptionHandle;

/**
 * The event bus on Redis streams (Redis 6.2 or later, for {@code XAUTOCLAIM}), through a
 * {@link StringRedisTemplate} on Lettuce. Thread-safe.
 */
public final class RedisStreamEventBus implements EventBus {

  private final StringRedisTemplate redis;

  private final EventBusProperties properties;

  private final EventCodec codec;

  private final StreamClient client;

  private final DeadLetters deadLetters;

  private final String consumerName;

  private final Set<RedisSubscription> subscriptions = ConcurrentHashMap.newKeySet();

  private volatile boolean closed;

  /**
   * A bus on the template's connections, encoding with a copy of the application's JSON mapper.
   *
   * @throws IllegalArgumentException if the template's connection factory is not Lettuce's
   */
  public RedisStreamEventBus(StringRedisTemplate redis, JsonMapper mapper, EventBusProperties properties) {
    if (!(redis.getConnectionFactory() instanceof LettuceConnectionFactory)) {
      throw new IllegalArgumentException("The Redis streams event bus needs Spring Data Redis on Lettuce"
          + " (XAUTOCLAIM goes through the Lettuce driver)");
    }
    Clock clock = Clock.systemUTC();
    this.redis = redis;
    this.properties = properties;
    this.codec = new EventCodec(mapper, clock);
    this.client = new StreamClient(redis);
    this.deadLetters = new DeadLetters(redis, clock);
    this.consumerName = properties.consumerNameOrDefault();
  }

  /** This process's consumer name in every group whose subscription names none. */
  public String consumerName() {
    return consumerName;
  }

  @Override
  public String publish(Object event) {
    if (event == null) {
      throw new InvalidEventException("The event must not be null");
    }
    return publish(EventTypes.wireName(event.getClass()), event);
  }

  @Override
  public String publish(String stream, Object event) {
    StreamNames.require(stream, "stream");
    Map<String, String> fields = codec.encode(event);
    try {
      return client.add(stream, fields, properties.maxLength(stream), properties.approximateTrimming());
    } catch (DataAccessException e) {
      throw new EventBusException("Cannot publish " + fields.get(EventCodec.TYPE) + " to " + stream
          + ": " + Outage.describe(e), true, e);
    }
  }

  @Override
  public <E> SubscriptionHandle subscribe(Subscription<E> subscription) {
    if (closed) {
      throw new IllegalStateException("The event bus is closed");
    }
    ConsumerOptions options = subscription.options().apply(properties.consumer());
    if (options == null) {
      throw new IllegalArgumentException("The subscription's options change returned null");
    }
    List<String> names = consumerNames(subscription, options.concurrency());
    RedisSubscription running = new RedisSubscription(subscription.stream(), subscription.group(),
        names, options.blockTimeout());
    List<ConsumerWorker> workers = new ArrayList<>();
    for (String name : names) {
      workers.add(worker(running, subscription, options, name));
    }
    subscriptions.add(running);
    running.start(workers);
    return running;
  }

  private <E> ConsumerWorker worker(RedisSubscription owner, Subscription<E> subscription,
      ConsumerOptions options, String name) {
    String stream = subscription.stream();
    String deadLetterStream = properties.deadLetterStream(stream);
    DeadLetters.Target target = new DeadLetters.Target(stream, subscription.group(), name,
        deadLetterStream, properties.maxLength(deadLetterStream), properties.approximateTrimming());
    EntryProcessor<E> processor = new EntryProcessor<>(subscription.type(), subscription.handler(),
        options, codec, client, deadLetters, target);
    return new ConsumerWorker(owner, name, options, client, new PendingClaimer(redis), processor,
        new Backoff(properties.backoff()));
  }

  private List<String> consumerNames(Subscription<?> subscription, int concurrency) {
    String base = subscription.consumer() != null ? subscription.consumer() : consumerName;
    if (concurrency == 1) {
      return List.of(base);
    }
    List<String> names = new ArrayList<>(concurrency);
    for (int i = 1; i <= concurrency; i++) {
      names.add(base + "-" + i);
    }
    return names;
  }

  @Override
  public void close() {
    closed = true;
    for (RedisSubscription subscription : subscriptions) {
      subscription.close();
    }
    subscriptions.clear();
  }
}
