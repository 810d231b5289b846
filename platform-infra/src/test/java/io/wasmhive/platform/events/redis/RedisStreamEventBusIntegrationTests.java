package io.wasmhive.platform.events.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusContract;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.Follower;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.ProbeRequested;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.SubscriptionHandle;
import io.wasmhive.platform.testing.RedisTestServer;

/** The contract against a real redis-server, plus what only Redis has: trimming and outages. */
class RedisStreamEventBusIntegrationTests extends EventBusContract {

  private static RedisTestServer server;

  private static LettuceConnectionFactory factory;

  private static StringRedisTemplate redis;

  private RedisStreamEventBus bus;

  @BeforeAll
  static void startRedis() {
    server = RedisTestServer.start();
    LettuceClientConfiguration client = LettuceClientConfiguration.builder()
        .commandTimeout(Duration.ofMillis(800)).build();
    factory = new LettuceConnectionFactory(
        new RedisStandaloneConfiguration(server.host(), server.port()), client);
    factory.afterPropertiesSet();
    factory.start();
    redis = new StringRedisTemplate(factory);
  }

  @AfterAll
  static void stopRedis() {
    factory.destroy();
    server.close();
  }

  @BeforeEach
  void newBus() {
    bus = busWith(Map.of("wasmhive.events.backoff.initial", "50ms", "wasmhive.events.backoff.max", "400ms"));
  }

  @AfterEach
  void closeBus() {
    bus.close();
  }

  private static RedisStreamEventBus busWith(Map<String, String> settings) {
    EventBusProperties properties = new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("wasmhive.events", EventBusProperties.class);
    return new RedisStreamEventBus(redis, JsonMapper.builder().build(), properties);
  }

  @Override
  protected EventBus bus() {
    return bus;
  }

  @Override
  protected long pending(String stream, String group) {
    return redis.opsForStream().pending(stream, group).getTotalPendingMessages();
  }

  @Override
  protected List<Map<String, String>> deadLetters(String stream) {
    List<Map<String, String>> letters = new ArrayList<>();
    for (MapRecord<String, Object, Object> record : redis.opsForStream().range(stream + ".dlq", Range.unbounded())) {
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
      letters.add(fields);
    }
    return letters;
  }

  @Override
  protected void publishRaw(String stream, Map<String, String> fields) {
    redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream));
  }

  @Override
  protected void abandon(String stream, String group, String consumer) {
    redis.opsForStream().createGroup(stream, ReadOffset.from("0"), group);
    redis.opsForStream().read(Consumer.from(group, consumer), StreamOffset.create(stream, ReadOffset.lastConsumed()));
  }

  @Test
  void exactTrimmingKeepsTheStreamAtItsMaxLength() {
    RedisStreamEventBus exact = busWith(Map.of("wasmhive.events.approximate-trimming", "false",
        "wasmhive.events.streams.[exact.stream].max-length", "50"));
    try {
      for (int i = 0; i < 50; i++) {
        exact.publish("exact.stream", ProbeRequested.number(i));
      }
      assertThat(redis.opsForStream().size("exact.stream")).isEqualTo(50);
      exact.publish("exact.stream", ProbeRequested.number(50));
      assertThat(redis.opsForStream().size("exact.stream")).isEqualTo(50);
      assertThat(redis.opsForStream().range("exact.stream", Range.unbounded()).get(0).getValue().get("payload"))
          .asString().contains("\"attempt\":1}");
    } finally {
      exact.close();
    }
  }

  @Test
  void approximateTrimmingKeepsTheStreamNearItsMaxLength() {
    RedisStreamEventBus approximate = busWith(Map.of("wasmhive.events.max-length", "100"));
    try {
      for (int i = 0; i < 1000; i++) {
        approximate.publish("approx", ProbeRequested.number(i));
      }
      // MAXLEN ~ removes whole nodes of 100 entries (stream-node-max-entries): at most one extra node.
      assertThat(redis.opsForStream().size("approx")).isBetween(100L, 200L);
    } finally {
      approximate.close();
    }
  }

  @Test
  void consumingResumesAfterRedisRestartsAndTheGroupIsCreatedAgain() {
    String stream = unique("restart");
    List<Integer> handled = new CopyOnWriteArrayList<>();
    SubscriptionHandle handle = bus.subscribe(Subscription.of(stream, "g", ProbeRequested.class,
        (event, delivery) -> handled.add(event.attempt())).withOptions(EventBusContract::fast));
    bus.publish(stream, ProbeRequested.number(1));
    await().atMost(WAIT).until(() -> handled.contains(1));

    stopRedisAndSeeBackOff(handle::isConnected, handle::redisFailures);
    assertThatThrownBy(() -> bus.publish(stream, ProbeRequested.number(2)))
        .isInstanceOf(EventBusException.class)
        .satisfies(e -> assertThat(((EventBusException) e).retryable()).isTrue());

    server.startAgain();
    await().atMost(WAIT).until(handle::isConnected);
    bus.publish(stream, ProbeRequested.number(3));
    await().atMost(WAIT).until(() -> handled.contains(3));
    assertThat(handled).containsExactly(1, 3);
  }

  @Test
  void followingResumesAfterRedisRestartsFromTheLastEntryItHandedOver() {
    String stream = unique("follow-restart");
    List<Integer> seen = new CopyOnWriteArrayList<>();
    FollowHandle handle = bus.follow(stream, StartPosition.LATEST,
        event -> seen.add(bus.decode(event, ProbeRequested.class).attempt()),
        o -> o.withBlockTimeout(Duration.ofMillis(100)));
    bus.publish(stream, ProbeRequested.number(1));
    await().atMost(WAIT).until(() -> seen.contains(1));

    stopRedisAndSeeBackOff(handle::isConnected, handle::redisFailures);

    server.startAgain();
    await().atMost(WAIT).until(handle::isConnected);
    bus.publish(stream, ProbeRequested.number(3));
    await().atMost(WAIT).until(() -> seen.contains(3));
    assertThat(seen).containsExactly(1, 3);
  }

  @Test
  void aFollowerHearsOfEntriesTrimmedAwayWhileItCouldNotRead() {
    String stream = unique("follow-gap");
    List<String> gaps = new CopyOnWriteArrayList<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    FollowHandle handle = bus.follow(stream, StartPosition.LATEST, new Follower() {
      @Override
      public void onEvent(StreamEvent event) {
        seen.add(event.id());
      }

      @Override
      public void onGap(String lastId, String oldestId) {
        gaps.add(lastId + ".." + oldestId);
      }
    }, o -> o.withBlockTimeout(Duration.ofMillis(100)));
    String first = bus.publish(stream, ProbeRequested.number(1));
    await().atMost(WAIT).until(() -> seen.contains(first));

    // Reads fail while the key is not a stream (WRONGTYPE), as they would while Redis is away.
    redis.delete(stream);
    redis.opsForValue().set(stream, "not a stream");
    await().atMost(WAIT).until(() -> !handle.isConnected());
    redis.delete(stream);
    String later = bus.publish(stream, ProbeRequested.number(2));

    await().atMost(WAIT).until(() -> seen.contains(later));
    assertThat(gaps).containsExactly(first + ".." + later);
  }

  /**
   * Stops Redis and waits for three more failed commands: waits of 50, 100, 200 ms (plus command timeouts) lie
   * between them, so the worker or follower backs off rather than spinning.
   */
  private static void stopRedisAndSeeBackOff(BooleanSupplier connected, LongSupplier failures) {
    server.stop();
    await().atMost(WAIT).until(() -> !connected.getAsBoolean());
    long failuresAtOutage = failures.getAsLong();
    long outageStarted = System.nanoTime();
    await().atMost(WAIT).until(() -> failures.getAsLong() >= failuresAtOutage + 3);
    assertThat(Duration.ofNanos(System.nanoTime() - outageStarted)).isGreaterThan(Duration.ofMillis(350));
  }
}
