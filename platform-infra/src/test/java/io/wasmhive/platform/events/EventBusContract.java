package io.wasmhive.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * What every {@link EventBus} adapter must do. Each test uses streams of its own; subclasses
 * provide a fresh bus per test and a view of the backend's state.
 */
public abstract class EventBusContract {

  protected static final Duration WAIT = Duration.ofSeconds(15);

  /** The bus under test, fresh for each test and closed after it. */
  protected abstract EventBus bus();

  /** Entries of the stream delivered to the group and not yet acknowledged. */
  protected abstract long pending(String stream, String group);

  /** The entries of the stream's dead-letter stream, oldest first. */
  protected abstract List<Map<String, String>> deadLetters(String stream);

  /** Appends raw fields to the stream, bypassing the bus's encoding. */
  protected abstract void publishRaw(String stream, Map<String, String> fields);

  /** A consumer of the group takes every new entry and dies without acknowledging any. */
  protected abstract void abandon(String stream, String group, String consumer);

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Fast timings for tests: short reads, a short reclaim idle time. */
  protected static ConsumerOptions fast(ConsumerOptions options) {
    return options.withBlockTimeout(Duration.ofMillis(100))
        .withReclaimIdle(Duration.ofMillis(300))
        .withClaimInterval(Duration.ofMillis(50));
  }

  @Test
  void aPublishedRecordArrivesWhole() {
    String stream = unique("probe");
    List<ProbeRequested> events = new CopyOnWriteArrayList<>();
    List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class, (event, delivery) -> {
      events.add(event);
      deliveries.add(delivery);
    }).withOptions(EventBusContract::fast));

    String id = bus().publish(stream, ProbeRequested.number(7));

    await().atMost(WAIT).until(() -> events.size() == 1);
    assertThat(events.get(0)).isEqualTo(ProbeRequested.number(7));
    Delivery delivery = deliveries.get(0);
    assertThat(delivery.id()).isEqualTo(id);
    assertThat(delivery.type()).isEqualTo("probe_requested");
    assertThat(delivery.stream()).isEqualTo(stream);
    assertThat(delivery.group()).isEqualTo("g");
    assertThat(delivery.deliveryCount()).isEqualTo(1);
    assertThat(delivery.occurredAt()).isNotNull();
  }

  @Test
  void publishingWithoutAStreamUsesTheWireName() {
    String group = unique("g");
    ProbeRequested mine = new ProbeRequested(group, List.of(), null, 0);
    List<ProbeRequested> events = new CopyOnWriteArrayList<>();
    bus().subscribe(Subscription.of("probe_requested", group, ProbeRequested.class,
        (event, delivery) -> events.add(event)).withOptions(EventBusContract::fast));

    bus().publish(mine);

    await().atMost(WAIT).until(() -> events.contains(mine));
  }

  @Test
  void aHandledEventIsAcknowledged() {
    String stream = unique("ack");
    AtomicInteger handled = new AtomicInteger();
    bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class,
        (event, delivery) -> handled.incrementAndGet()).withOptions(EventBusContract::fast));
    for (int i = 0; i < 5; i++) {
      bus().publish(stream, ProbeRequested.number(i));
    }
    await().atMost(WAIT).until(() -> handled.get() == 5 && pending(stream, "g") == 0);
    assertThat(deadLetters(stream)).isEmpty();
  }

  @Test
  void twoConsumersOfOneGroupShareTheWorkAndHandleEachEventOnce() throws Exception {
    String stream = unique("share");
    Map<Integer, String> handledBy = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    CountDownLatch secondWorked = new CountDownLatch(1);
    // The first consumer holds its first event until the second has handled one, so both must work.
    bus().subscribe(Subscription.of(stream, "g", "first", ProbeRequested.class, (event, delivery) -> {
      secondWorked.await(10, TimeUnit.SECONDS);
      record(handledBy, duplicates, event, "first");
    }).withOptions(o -> fast(o).withBatchSize(1)));
    bus().subscribe(Subscription.of(stream, "g", "second", ProbeRequested.class, (event, delivery) -> {
      record(handledBy, duplicates, event, "second");
      secondWorked.countDown();
    }).withOptions(o -> fast(o).withBatchSize(1)));

    for (int i = 0; i < 20; i++) {
      bus().publish(stream, ProbeRequested.number(i));
    }

    await().atMost(WAIT).until(() -> handledBy.size() == 20 && pending(stream, "g") == 0);
    assertThat(duplicates.get()).isZero();
    assertThat(Set.copyOf(handledBy.values())).containsExactlyInAnyOrder("first", "second");
  }

  private static void record(Map<Integer, String> handledBy, AtomicInteger duplicates,
      ProbeRequested event, String consumer) {
    if (handledBy.putIfAbsent(event.attempt(), consumer) != null) {
      duplicates.incrementAndGet();
    }
  }

  @Test
  void everyGroupGetsEveryEvent() {
    String stream = unique("fanout");
    List<Integer> one = new CopyOnWriteArrayList<>();
    List<Integer> two = new CopyOnWriteArrayList<>();
    bus().subscribe(Subscription.of(stream, "one", ProbeRequested.class,
        (event, delivery) -> one.add(event.attempt())).withOptions(EventBusContract::fast));
    bus().subscribe(Subscription.of(stream, "two", ProbeRequested.class,
        (event, delivery) -> two.add(event.attempt())).withOptions(EventBusContract::fast));
    for (int i = 0; i < 10; i++) {
      bus().publish(stream, ProbeRequested.number(i));
    }
    await().atMost(WAIT).until(() -> one.size() == 10 && two.size() == 10);
    assertThat(one).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(two).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void anotherConsumerReclaimsWhatADeadConsumerLeftPending() {
    String stream = unique("reclaim");
    bus().publish(stream, ProbeRequested.number(1));
    bus().publish(stream, ProbeRequested.number(2));
    abandon(stream, "g", "dead");
    assertThat(pending(stream, "g")).isEqualTo(2);

    List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    bus().subscribe(Subscription.of(stream, "g", "alive", ProbeRequested.class,
        (event, delivery) -> deliveries.add(delivery)).withOptions(EventBusContract::fast));

    await().atMost(WAIT).until(() -> deliveries.size() == 2 && pending(stream, "g") == 0);
    assertThat(deliveries).allSatisfy(d -> {
      assertThat(d.consumer()).isEqualTo("alive");
      assertThat(d.deliveryCount()).isEqualTo(2);
    });
  }

  @Test
  void aRetryableFailureIsDeliveredAgainUntilItSucceeds() {
    String stream = unique("retry");
    List<Long> attempts = new CopyOnWriteArrayList<>();
    bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class, (event, delivery) -> {
      attempts.add(delivery.deliveryCount());
      if (delivery.deliveryCount() < 3) {
        throw EventHandlingException.retryable("dependency down", null);
      }
    }).withOptions(o -> fast(o).withMaxDeliveries(3)));

    bus().publish(stream, ProbeRequested.number(1));

    await().atMost(WAIT).until(() -> attempts.size() == 3 && pending(stream, "g") == 0);
    assertThat(attempts).containsExactly(1L, 2L, 3L);
    assertThat(deadLetters(stream)).isEmpty();
  }

  @Test
  void afterMaxDeliveriesFailedDeliveriesTheEventIsDeadLetteredOnce() {
    String stream = unique("dlq");
    List<Integer> deadLettersSeenByEachAttempt = new CopyOnWriteArrayList<>();
    bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class, (event, delivery) -> {
      deadLettersSeenByEachAttempt.add(deadLetters(stream).size());
      throw new IllegalStateException("always fails, attempt " + delivery.deliveryCount());
    }).withOptions(o -> fast(o).withMaxDeliveries(3)));

    String id = bus().publish(stream, ProbeRequested.number(9));

    await().atMost(WAIT).until(() -> deadLetters(stream).size() == 1 && pending(stream, "g") == 0);
    // Deliveries 1 and 2 (N-1) did not dead-letter; delivery 3 (N) did, once.
    assertThat(deadLettersSeenByEachAttempt).containsExactly(0, 0, 0);
    Map<String, String> letter = deadLetters(stream).get(0);
    assertThat(letter).containsEntry("type", "probe_requested")
        .containsEntry("dlq_original_id", id)
        .containsEntry("dlq_delivery_count", "3")
        .containsEntry("dlq_stream", stream)
        .containsEntry("dlq_group", "g")
        .containsEntry("dlq_retryable", "true");
    assertThat(letter.get("dlq_error")).contains("IllegalStateException", "always fails, attempt 3");
    assertThat(letter.get("payload")).contains("\"request_id\":\"req-9\"");
  }

  @Test
  void withOneDeliveryAllowedTheFirstFailureDeadLetters() {
    String stream = unique("dlq1");
    AtomicInteger attempts = new AtomicInteger();
    bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class, (event, delivery) -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("fails");
    }).withOptions(o -> fast(o).withMaxDeliveries(1)));
    bus().publish(stream, ProbeRequested.number(1));
    await().atMost(WAIT).until(() -> deadLetters(stream).size() == 1 && pending(stream, "g") == 0);
    assertThat(attempts.get()).isEqualTo(1);
  }

  @Test
  void aFailureMarkedNotRetryableDeadLettersAtOnce() {
    String stream = unique("permanent");
    AtomicInteger attempts = new AtomicInteger();
    bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class, (event, delivery) -> {
      attempts.incrementAndGet();
      throw EventHandlingException.notRetryable("no such module", null);
    }).withOptions(o -> fast(o).withMaxDeliveries(5)));
    bus().publish(stream, ProbeRequested.number(1));
    await().atMost(WAIT).until(() -> deadLetters(stream).size() == 1 && pending(stream, "g") == 0);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(deadLetters(stream).get(0)).containsEntry("dlq_retryable", "false")
        .containsEntry("dlq_delivery_count", "1");
  }

  @Test
  void undecodableEntriesDeadLetterAtOnceWithoutReachingTheHandler() {
    String stream = unique("garbage");
    AtomicInteger handled = new AtomicInteger();
    bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class,
        (event, delivery) -> handled.incrementAndGet()).withOptions(o -> fast(o).withMaxDeliveries(5)));

    publishRaw(stream, Map.of("type", "probe_requested", "payload", "{not json"));
    publishRaw(stream, Map.of("type", "something_else", "payload", "{}"));
    publishRaw(stream, Map.of("payload", "{}"));
    bus().publish(stream, ProbeRequested.number(4));

    await().atMost(WAIT).until(() -> deadLetters(stream).size() == 3 && handled.get() == 1
        && pending(stream, "g") == 0);
    List<Map<String, String>> letters = deadLetters(stream);
    assertThat(letters.get(0)).containsEntry("payload", "{not json").containsEntry("dlq_retryable", "false");
    assertThat(letters.get(0).get("dlq_error")).contains("Cannot decode the probe_requested payload");
    assertThat(letters.get(1).get("dlq_error")).contains("got type something_else");
    assertThat(letters.get(2).get("dlq_error")).contains("got no type field");
    assertThat(letters).allSatisfy(letter -> assertThat(letter).containsEntry("dlq_delivery_count", "1"));
  }

  @Test
  void concurrencyStartsOneConsumerPerWorker() {
    String stream = unique("workers");
    Set<String> consumers = ConcurrentHashMap.newKeySet();
    AtomicInteger handled = new AtomicInteger();
    SubscriptionHandle handle = bus().subscribe(Subscription.of(stream, "g", "pool", ProbeRequested.class,
        (event, delivery) -> {
          consumers.add(delivery.consumer());
          handled.incrementAndGet();
        }).withOptions(o -> fast(o).withConcurrency(3).withBatchSize(1)));
    assertThat(handle.consumers()).containsExactly("pool-1", "pool-2", "pool-3");
    for (int i = 0; i < 30; i++) {
      bus().publish(stream, ProbeRequested.number(i));
    }
    await().atMost(WAIT).until(() -> handled.get() == 30 && pending(stream, "g") == 0);
    assertThat(handle.consumers()).containsAll(consumers);
  }

  @Test
  void closingStopsEveryWorkerThread() {
    String stream = unique("shutdown");
    SubscriptionHandle handle = bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class,
        (event, delivery) -> { }).withOptions(o -> fast(o).withConcurrency(2)));
    FollowHandle follow = bus().follow(stream, StartPosition.LATEST, event -> { },
        o -> o.withBlockTimeout(Duration.ofMillis(100)));
    await().atMost(WAIT).until(() -> workerThreads(stream) == 2 && followThreads(stream) == 1);

    bus().close();

    assertThat(handle.isRunning()).isFalse();
    assertThat(follow.isRunning()).isFalse();
    assertThat(workerThreads(stream)).isZero();
    assertThat(followThreads(stream)).isZero();
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> bus().subscribe(Subscription.of(stream, "g", ProbeRequested.class, (e, d) -> { })));
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> bus().follow(stream, StartPosition.LATEST, event -> { }));
  }

  @Test
  void aFollowerSeesEveryEntryAfterItsStartInOrderAndNothingBefore() {
    String stream = unique("follow");
    bus().publish(stream, ProbeRequested.number(0));
    List<StreamEvent> seen = new CopyOnWriteArrayList<>();
    AtomicInteger reads = new AtomicInteger();
    FollowHandle handle = bus().follow(stream, StartPosition.LATEST, new Follower() {
      @Override
      public void onEvent(StreamEvent event) {
        seen.add(event);
      }

      @Override
      public void afterRead() {
        reads.incrementAndGet();
      }
    }, o -> o.withBlockTimeout(Duration.ofMillis(100)));

    List<String> ids = List.of(bus().publish(stream, ProbeRequested.number(1)),
        bus().publish(stream, ProbeRequested.number(2)));

    await().atMost(WAIT).until(() -> seen.size() == 2);
    assertThat(seen).extracting(StreamEvent::id).isEqualTo(ids);
    assertThat(seen).extracting(event -> bus().decode(event, ProbeRequested.class).attempt()).containsExactly(1, 2);
    assertThat(seen.get(0).type()).isEqualTo("probe_requested");
    assertThat(seen.get(0).stream()).isEqualTo(stream);
    assertThat(seen.get(0).occurredAt()).isNotNull();
    await().atMost(WAIT).until(() -> reads.get() >= 3);
    assertThat(handle.isConnected()).isTrue();
    assertThat(handle.lastId()).isEqualTo(ids.get(1));
    assertThat(handle.entriesRead()).isEqualTo(2);
  }

  @Test
  void everyFollowerSeesEveryEntryAndOneThatThrowsGoesOn() {
    String stream = unique("fanout");
    List<Integer> first = new CopyOnWriteArrayList<>();
    List<Integer> second = new CopyOnWriteArrayList<>();
    bus().follow(stream, StartPosition.EARLIEST, event -> {
      int n = bus().decode(event, ProbeRequested.class).attempt();
      if (n == 1) {
        throw new IllegalStateException("the follower fails on 1");
      }
      first.add(n);
    });
    bus().follow(stream, StartPosition.EARLIEST, event -> second.add(bus().decode(event, ProbeRequested.class)
        .attempt()));
    for (int i = 0; i < 3; i++) {
      bus().publish(stream, ProbeRequested.number(i));
    }
    await().atMost(WAIT).until(() -> first.size() == 2 && second.size() == 3);
    assertThat(first).containsExactly(0, 2);
    assertThat(second).containsExactly(0, 1, 2);
  }

  @Test
  void theHistoryOfAStreamReadsInPagesAfterAnId() {
    String stream = unique("history");
    assertThat(bus().oldestId(stream)).isEmpty();
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(bus().publish(stream, ProbeRequested.number(i)));
    }
    assertThat(bus().oldestId(stream)).hasValue(ids.get(0));
    assertThat(bus().readAfter(stream, ids.get(1), 2)).extracting(StreamEvent::id)
        .containsExactly(ids.get(2), ids.get(3));
    assertThat(bus().readAfter(stream, StreamIds.BEFORE_ALL, 100)).hasSize(5);
    assertThat(bus().readAfter(stream, ids.get(4), 100)).isEmpty();
    assertThat(bus().readLatest(stream, 2)).extracting(StreamEvent::id).containsExactly(ids.get(3), ids.get(4));
    assertThat(bus().readLatest(stream, 100)).extracting(StreamEvent::id).containsExactlyElementsOf(ids);
  }

  @Test
  void aGuardedPublicationWritesTheKeyAndEveryEventTogether() {
    String key = unique("marker");
    String one = unique("guarded-a");
    String two = unique("guarded-b");
    EncodedEvent stored = bus().encode(ProbeRequested.number(9));

    GuardOutcome outcome = bus().publishIf(KeyGuard.absentOr(key, "mine").thenSet("done|" + stored.payload(),
        Duration.ofMinutes(1)), List.of(new Publication(one, ProbeRequested.number(1)), new Publication(two, stored)));

    assertThat(outcome.published()).isTrue();
    assertThat(outcome.found()).isNull();
    assertThat(outcome.ids()).hasSize(2);
    assertThat(bus().readAfter(one, StreamIds.BEFORE_ALL, 10)).extracting(StreamEvent::id)
        .containsExactly(outcome.ids().get(0));
    StreamEvent second = bus().readAfter(two, StreamIds.BEFORE_ALL, 10).get(0);
    assertThat(second.id()).isEqualTo(outcome.ids().get(1));
    assertThat(second.payload()).isEqualTo(stored.payload());
    assertThat(bus().decode(second, ProbeRequested.class)).isEqualTo(ProbeRequested.number(9));

    GuardOutcome refused = bus().publishIf(KeyGuard.absentOr(key, "mine").thenSet("again", Duration.ofMinutes(1)),
        List.of(new Publication(one, ProbeRequested.number(2))));

    assertThat(refused.published()).isFalse();
    assertThat(refused.found()).isEqualTo("done|" + stored.payload());
    assertThat(refused.ids()).isEmpty();
    assertThat(bus().readAfter(one, StreamIds.BEFORE_ALL, 10)).hasSize(1);
  }

  @Test
  void publishingSeveralEventsAppendsEachToItsStreamInOrder() {
    String one = unique("together-a");
    String two = unique("together-b");
    EncodedEvent stored = bus().encode(ProbeRequested.number(7));

    List<String> ids = bus().publishAll(List.of(new Publication(one, ProbeRequested.number(1)),
        new Publication(two, stored), new Publication(one, ProbeRequested.number(2))));

    assertThat(ids).hasSize(3);
    assertThat(bus().readAfter(one, StreamIds.BEFORE_ALL, 10)).extracting(StreamEvent::id)
        .containsExactly(ids.get(0), ids.get(2));
    assertThat(bus().readAfter(one, StreamIds.BEFORE_ALL, 10)).extracting(e -> bus().decode(e,
        ProbeRequested.class).attempt()).containsExactly(1, 2);
    StreamEvent second = bus().readAfter(two, StreamIds.BEFORE_ALL, 10).get(0);
    assertThat(second.id()).isEqualTo(ids.get(1));
    assertThat(second.payload()).isEqualTo(stored.payload());
    assertThat(second.occurredAt()).isNotNull();
    assertThat(bus().publishAll(List.of())).isEmpty();
  }

  @Test
  void aGuardAllowsTheValuesItNamesAndLeavesTheKeyWithoutANewValue() {
    String key = unique("held");
    String stream = unique("guarded");
    bus().publishIf(KeyGuard.absent(key).thenSet("running|1-0", Duration.ofMinutes(1)), List.of());

    assertThat(bus().publishIf(KeyGuard.absent(key), List.of(new Publication(stream, ProbeRequested.number(1))))
        .published()).isFalse();
    GuardOutcome allowed = bus().publishIf(KeyGuard.absentOr(key, "running|1-0"),
        List.of(new Publication(stream, ProbeRequested.number(2))));
    assertThat(allowed.published()).isTrue();
    assertThat(allowed.found()).isEqualTo("running|1-0");
    assertThat(bus().publishIf(KeyGuard.absentOr(key, "running|1-0"), List.of()).found()).isEqualTo("running|1-0");
    assertThat(bus().readAfter(stream, StreamIds.BEFORE_ALL, 10)).extracting(e -> bus().decode(e,
        ProbeRequested.class).attempt()).containsExactly(2);
  }

  @Test
  void decodingRefusesAnEntryOfAnotherType() {
    String stream = unique("typed");
    publishRaw(stream, Map.of("type", "other_happened", "payload", "{}"));
    StreamEvent entry = bus().readAfter(stream, StreamIds.BEFORE_ALL, 1).get(0);
    assertThat(entry.type()).isEqualTo("other_happened");
    assertThat(entry.occurredAt()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bus().decode(entry, ProbeRequested.class))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("other_happened");
  }

  protected static long followThreads(String stream) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("events-follow-" + stream) && thread.isAlive())
        .count();
  }

  protected static long workerThreads(String stream) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("events-" + stream + "-") && thread.isAlive())
        .count();
  }
}
