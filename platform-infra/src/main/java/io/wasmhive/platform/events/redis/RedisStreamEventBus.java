package io.wasmhive.platform.events.redis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.wasmhive.platform.events.ConsumerOptions;
import io.wasmhive.platform.events.EncodedEvent;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.FollowOptions;
import io.wasmhive.platform.events.Follower;
import io.wasmhive.platform.events.GuardOutcome;
import io.wasmhive.platform.events.KeyGuard;
import io.wasmhive.platform.events.Publication;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.StreamNames;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.SubscriptionHandle;

/**
 * The event bus on Redis streams (Redis 6.2 or later, for {@code XAUTOCLAIM}), through a
 * {@link StringRedisTemplate} on Lettuce: consumer groups ({@link RedisSubscription}), group-less
 * follows ({@link RedisFollow}) and guarded publications ({@link GuardedPublish}), all through one
 * {@link EventCodec}. Thread-safe.
 */
public final class RedisStreamEventBus implements EventBus {

  private final StringRedisTemplate redis;

  private final EventBusProperties properties;

  private final EventCodec codec;

  private final StreamClient client;

  private final DeadLetters deadLetters;

  private final GuardedPublish guarded;

  private final String consumerName;

  private final Set<RedisSubscription> subscriptions = ConcurrentHashMap.newKeySet();

  private final Set<RedisFollow> follows = ConcurrentHashMap.newKeySet();

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
    this.guarded = new GuardedPublish(redis);
    this.consumerName = properties.consumerNameOrDefault();
  }

  /** This process's consumer name in every group whose subscription names none. */
  public String consumerName() {
    return consumerName;
  }

  @Override
  public String publish(Object event) {
    EncodedEvent encoded = codec.encode(event);
    return publish(encoded.type(), encoded);
  }

  @Override
  public String publish(String stream, Object event) {
    StreamNames.require(stream, "stream");
    Map<String, String> fields = codec.fields(event);
    return reaching("publish " + fields.get(EventCodec.TYPE) + " to " + stream,
        () -> client.add(stream, fields, properties.maxLength(stream), properties.approximateTrimming()));
  }

  @Override
  public List<String> publishAll(List<Publication> publications) {
    List<GuardedPublish.Entry> entries = entries(publications);
    return reaching("publish " + entries.size() + " events",
        () -> guarded.runAll(entries, properties.approximateTrimming()));
  }

  @Override
  public GuardOutcome publishIf(KeyGuard guard, List<Publication> publications) {
    List<GuardedPublish.Entry> entries = entries(publications);
    return reaching("publish under the guard of " + guard.key(),
        () -> guarded.run(guard, entries, properties.approximateTrimming()));
  }

  private List<GuardedPublish.Entry> entries(List<Publication> publications) {
    List<GuardedPublish.Entry> entries = new ArrayList<>(publications.size());
    for (Publication publication : publications) {
      entries.add(new GuardedPublish.Entry(publication.stream(), properties.maxLength(publication.stream()),
          codec.fields(publication.event())));
    }
    return entries;
  }

  @Override
  public EncodedEvent encode(Object event) {
    return codec.encode(event);
  }

  @Override
  public <E> E decode(StreamEvent event, Class<E> type) {
    return codec.decode(event, type);
  }

  @Override
  public FollowHandle follow(String stream, StartPosition from, Follower follower) {
    return follow(stream, from, follower, UnaryOperator.identity());
  }

  @Override
  public FollowHandle follow(String stream, StartPosition from, Follower follower,
      UnaryOperator<FollowOptions> options) {
    StreamNames.require(stream, "stream");
    if (closed) {
      throw new IllegalStateException("The event bus is closed");
    }
    if (from == null || follower == null) {
      throw new IllegalArgumentException("from and follower must not be null");
    }
    RedisFollow follow = new RedisFollow(stream, from, follower, options.apply(properties.follow()), client,
        new Backoff(properties.backoff()));
    follows.add(follow);
    follow.start();
    return follow;
  }

  @Override
  public List<StreamEvent> readAfter(String stream, String afterId, int count) {
    StreamNames.require(stream, "stream");
    return reaching("read " + stream, () -> client.rangeAfter(stream, afterId, count).stream()
        .map(entry -> EventCodec.streamEvent(stream, entry)).toList());
  }

  @Override
  public List<StreamEvent> readLatest(String stream, int count) {
    StreamNames.require(stream, "stream");
    return reaching("read " + stream, () -> client.latest(stream, count).stream()
        .map(entry -> EventCodec.streamEvent(stream, entry)).toList());
  }

  @Override
  public Optional<String> oldestId(String stream) {
    StreamNames.require(stream, "stream");
    return Optional.ofNullable(reaching("read " + stream, () -> client.oldestId(stream)));
  }

  /** Runs a command, turning Redis's failure into a retryable {@link EventBusException}. */
  private static <T> T reaching(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (DataAccessException e) {
      throw new EventBusException("Cannot " + what + ": " + Outage.describe(e), true, e);
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
    follows.forEach(RedisFollow::close);
    follows.clear();
  }
}
