package io.wasmhive.relay.events;

import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.platform.events.StreamIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.platform.events.contract.ExecutionEvent;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.relay.health.FeatureState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code GET /intent/execute-wasm/events} on a running relay (random port, embedded Redis), read by a real HTTP SSE
 * client; events are published through {@link ExecutionEventPublisher}, the one way the gateway and the executors
 * publish them.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.data-dir=target/it-data/ExecutionEventsIntegrationTests",
    "relay.sse.heartbeat=1s",
    "relay.sse.max-connections=4",
    "relay.sse.watch-all-users=ops, auditor",
    "relay.sse.retention=30",
    "wasmhive.events.follow.block-timeout=500ms",
    "wasmhive.events.follow.batch-size=7",
    "wasmhive.events.approximate-trimming=false"})
class ExecutionEventsIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TIME = "2026-01-02T03:04:05Z";

  @LocalServerPort
  int port;

  @Autowired
  ExecutionEventPublisher publisher;

  @Autowired
  ExecutionEventStream stream;

  @Autowired
  StringRedisTemplate redis;

  @Autowired
  MeterRegistry meters;

  @BeforeEach
  void everyEarlierConnectionIsGone() {
    // Closed by its client, each connection is noticed at the next write and its request completed by the container.
    await().atMost(WAIT).until(() -> stream.connections() == 0 && stream.hub().unfinished() == 0);
  }

  @Test
  void eventsArriveInOrderWithTheirStreamIdsInTheSeedShapesWithoutUserId() throws Exception {
    try (SseTestClient alice = RelayEvents.subscribe(port, "alice", null)) {
      List<String> ids = List.of(
          publisher.publish(event("execution_queued", "r1", "alice", "bafkqueued", 1L, null, null, null, null, null)),
          publisher.publish(event("execution_started", "r1", "alice", null, null, "node-1", null, null, null, null)),
          publisher.publish(event("execution_progress", "r1", "alice", null, null, null, 50, null, null, null)),
          publisher.publish(event("execution_complete", "r1", "alice", null, null, null, null, true, 150L, null)),
          publisher.publish(event("execution_error", "r2", "alice", null, null, null, null, null, 7L, "trap")));

      List<SseTestClient.Frame> events = alice.events(5, WAIT);

      assertThat(events).extracting(SseTestClient.Frame::id).isEqualTo(ids);
      assertThat(events).extracting(SseTestClient.Frame::data).containsExactly(
          "{\"type\":\"execution_queued\",\"request_id\":\"r1\",\"cid\":\"bafkqueued\",\"position\":1,"
              + "\"timestamp\":\"" + TIME + "\"}",
          "{\"type\":\"execution_started\",\"request_id\":\"r1\",\"executor_node\":\"node-1\",\"timestamp\":\""
              + TIME + "\"}",
          "{\"type\":\"execution_progress\",\"request_id\":\"r1\",\"progress\":50,\"timestamp\":\"" + TIME + "\"}",
          "{\"type\":\"execution_complete\",\"request_id\":\"r1\",\"success\":true,\"duration\":150,"
              + "\"timestamp\":\"" + TIME + "\"}",
          "{\"type\":\"execution_error\",\"request_id\":\"r2\",\"duration\":7,\"error\":\"trap\",\"timestamp\":\""
              + TIME + "\"}");
      assertThat(events).allSatisfy(frame -> assertThat(frame.lines()).hasSize(2)
          .noneMatch(line -> line.startsWith("event:")));
      assertThat(alice.response().headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/event-stream"));
    }
  }

  @Test
  void theRetryHintComesOnceFirstAndTheHeartbeatKeepsAnIdleConnectionAlive() throws Exception {
    try (SseTestClient client = RelayEvents.open(port, null, "user_id", "idle")) {
      SseTestClient.Frame first = client.next(WAIT);
      assertThat(first.lines()).containsExactly("retry: 3000");

      SseTestClient.Frame second = client.next(Duration.ofSeconds(5));
      SseTestClient.Frame third = client.next(Duration.ofSeconds(5));

      assertThat(List.of(second, third)).allSatisfy(frame -> assertThat(frame.lines()).containsExactly(": heartbeat"));
    }
  }

  @Test
  void aUserSeesOnlyTheirOwnExecutions() throws Exception {
    try (SseTestClient alice = RelayEvents.subscribe(port, "alice", null);
        SseTestClient bob = RelayEvents.subscribe(port, "bob", null)) {
      String bobs = publisher.publish(progress("rb", "bob", 10));
      String alices = publisher.publish(progress("ra", "alice", 20));
      String bobsSecond = publisher.publish(progress("rb", "bob", 30));

      assertThat(alice.nextEvent(WAIT).id()).isEqualTo(alices);
      assertThat(bob.events(2, WAIT)).extracting(SseTestClient.Frame::id).containsExactly(bobs, bobsSecond);
      String alicesLast = publisher.publish(progress("ra", "alice", 40));
      assertThat(alice.nextEvent(WAIT).id()).isEqualTo(alicesLast);
    }
  }

  @Test
  void theRequestIdFilterShowsOnlyThatExecution() throws Exception {
    try (SseTestClient alice = RelayEvents.subscribe(port, "alice", "request_id=wanted")) {
      publisher.publish(progress("other", "alice", 10));
      String wanted = publisher.publish(progress("wanted", "alice", 20));
      publisher.publish(progress("other", "alice", 30));
      String wantedAgain = publisher.publish(progress("wanted", "alice", 40));

      assertThat(alice.events(2, WAIT)).extracting(SseTestClient.Frame::id).containsExactly(wanted, wantedAgain);
    }
  }

  @Test
  void aWatchAllUserSeesEveryUsersExecutionsAndOthersStillOnlyTheirOwn() throws Exception {
    try (SseTestClient ops = RelayEvents.subscribe(port, "ops", null);
        SseTestClient auditor = RelayEvents.subscribe(port, "auditor", "request_id=rb");
        SseTestClient carol = RelayEvents.subscribe(port, "carol", null)) {
      String alices = publisher.publish(progress("ra", "alice", 10));
      String bobs = publisher.publish(progress("rb", "bob", 20));
      String carols = publisher.publish(progress("rc", "carol", 30));

      assertThat(ops.events(3, WAIT)).extracting(SseTestClient.Frame::id).containsExactly(alices, bobs, carols);
      assertThat(auditor.nextEvent(WAIT).id()).isEqualTo(bobs);
      assertThat(carol.nextEvent(WAIT).id()).isEqualTo(carols);
    }
  }

  @Test
  void reconnectingWithLastEventIdGetsExactlyTheMissedEventsThenLiveOnes() throws Exception {
    String first;
    try (SseTestClient alice = RelayEvents.subscribe(port, "alice", null)) {
      first = publisher.publish(progress("r", "alice", 1));
      assertThat(alice.nextEvent(WAIT).id()).isEqualTo(first);
    }
    String missed1 = publisher.publish(progress("r", "alice", 2));
    publisher.publish(progress("x", "bob", 3));
    String missed2 = publisher.publish(progress("r", "alice", 4));

    try (SseTestClient alice = RelayEvents.subscribe(port, "alice", null, "Last-Event-ID", first)) {
      assertThat(alice.events(2, WAIT)).extracting(SseTestClient.Frame::id).containsExactly(missed1, missed2);
      String live = publisher.publish(progress("r", "alice", 5));
      assertThat(alice.nextEvent(WAIT).id()).isEqualTo(live);
      assertThat(alice.pending()).noneMatch(SseTestClient.Frame::isEvent);
    }
  }

  @Test
  void theQueryParameterResumesTooAndAnIdOnlyFrameMovesPastEventsOfOthers() throws Exception {
    String first = publisher.publish(progress("r", "alice", 1));
    String alices = publisher.publish(progress("r", "alice", 2));
    String bobs = publisher.publish(progress("x", "bob", 3));

    try (SseTestClient alice = RelayEvents.subscribe(port, "alice", "last_event_id=" + first)) {
      SseTestClient.Frame replayed = alice.next(WAIT);
      SseTestClient.Frame idOnly = alice.next(WAIT);

      assertThat(replayed.id()).isEqualTo(alices);
      assertThat(idOnly.lines()).containsExactly("id: " + bobs);
    }
  }

  @Test
  void resumingWhileEventsKeepComingHasNoGapAndNoDuplicate() throws Exception {
    List<String> published = new CopyOnWriteArrayList<>();
    AtomicBoolean publishing = new AtomicBoolean(true);
    Thread producer = new Thread(() -> {
      for (int i = 0; i < 25 && publishing.get(); i++) {
        published.add(publisher.publish(progress("flow", "dora", i)));
        sleepQuietly(15);
      }
    });
    List<String> received = new ArrayList<>();
    try (SseTestClient first = RelayEvents.subscribe(port, "dora", null)) {
      producer.start();
      received.add(first.nextEvent(WAIT).id());
      received.add(first.nextEvent(WAIT).id());
    }
    try (SseTestClient again = RelayEvents.subscribe(port, "dora", null, "Last-Event-ID", received.get(1))) {
      producer.join(WAIT.toMillis());
      while (received.size() < published.size()) {
        received.add(again.nextEvent(WAIT).id());
      }
      assertThat(received).containsExactlyElementsOf(published.subList(published.indexOf(received.get(0)),
          published.size()));
      assertThat(received).doesNotHaveDuplicates();
    } finally {
      publishing.set(false);
    }
  }

  @Test
  void resumingFromAnIdTrimmedAwaySaysEventsWereLostThenReplaysWhatIsLeft() throws Exception {
    String first;
    try (SseTestClient erin = RelayEvents.subscribe(port, "erin", null)) {
      first = publisher.publish(progress("r", "erin", 0));
      assertThat(erin.nextEvent(WAIT).id()).isEqualTo(first);
    }
    List<String> later = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      later.add(publisher.publish(progress("r", "erin", i)));
    }
    assertThat(redis.opsForStream().size(Streams.EXEC_EVENTS)).isEqualTo(30);

    try (SseTestClient erin = RelayEvents.subscribe(port, "erin", null, "Last-Event-ID", first)) {
      SseTestClient.Frame notice = erin.nextEvent(WAIT);
      assertThat(notice.id()).isNull();
      assertThat(notice.data()).isEqualTo("{\"type\":\"events_lost\",\"last_event_id\":\"" + first
          + "\",\"first_available_id\":\"" + later.get(10) + "\"}");
      assertThat(erin.events(30, WAIT)).extracting(SseTestClient.Frame::id).isEqualTo(later.subList(10, 40));
    }
  }

  @Test
  void maxConnectionsAreServedAndOneMoreIsRefusedWith503() throws Exception {
    List<SseTestClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        open.add(RelayEvents.subscribe(port, "user" + i, null));
      }
      assertThat(stream.connections()).isEqualTo(4);
      assertThat(meters.get("relay.sse.connections").gauge().value()).isEqualTo(4.0);

      try (SseTestClient refused = RelayEvents.open(port, null, "user_id", "late")) {
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("3");
        assertThat(refused.body()).isEqualTo("{\"success\":false,\"error\":{\"code\":\"TOO_MANY_SUBSCRIBERS\","
            + "\"message\":\"This relay already serves 4 event subscribers; try again later or another relay\"}}");
      }

      open.remove(0).close();
      await().atMost(WAIT).until(() -> stream.connections() == 3);
      open.add(RelayEvents.subscribe(port, "late", null));
      assertThat(stream.connections()).isEqualTo(4);
    } finally {
      open.forEach(SseTestClient::close);
    }
  }

  @Test
  void aHeadRequestAnswersWithoutSubscribing() throws Exception {
    HttpResponse<Void> head = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + ExecutionEventsConfiguration.PATH)).method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.discarding());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(stream.connections()).isZero();
  }

  @Test
  void anUnreadableLastEventIdOrRequestIdIsRefusedWith400() throws Exception {
    try (SseTestClient bad = RelayEvents.open(port, null, "user_id", "alice", "Last-Event-ID", "yesterday")) {
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("\"success\":false", "\"code\":\"INVALID_LAST_EVENT_ID\"");
    }
    try (SseTestClient bad = RelayEvents.open(port, "request_id=a%20b", "user_id", "alice")) {
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("\"code\":\"INVALID_REQUEST_ID\"");
    }
  }

  @Test
  void thePublisherWritesTheBusEnvelopeAndRefusesEventsNobodyCouldSee() {
    String id = publisher.publish(new ExecutionEvent("execution_started", "env", "alice", null, null, "node-9", null,
        null, null, null, null));

    List<MapRecord<String, Object, Object>> entry =
        redis.opsForStream().range(Streams.EXEC_EVENTS, Range.closed(id, id));
    assertThat(entry).hasSize(1);
    Map<Object, Object> fields = entry.get(0).getValue();
    assertThat(fields.get("type")).isEqualTo("wasm_exec_events");
    assertThat(fields.get("occurred_at")).isNotNull();
    assertThat((String) fields.get("payload")).startsWith("{\"type\":\"execution_started\",\"request_id\":\"env\","
        + "\"user_id\":\"alice\",\"executor_node\":\"node-9\",\"timestamp\":\"");
    assertThatThrownBy(() -> publisher.publish(progress("r", null, 1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> publisher.publish(new ExecutionEvent("execution_paused", "r", "alice", null, null, null,
        null, null, null, null, null))).isInstanceOf(IllegalArgumentException.class);
    assertThat(stream.state()).isEqualTo(FeatureState.up());
    assertThat(meters.get("relay.sse.entries.read").functionCounter().count()).isPositive();
  }

  static ExecutionEvent progress(String requestId, String userId, int progress) {
    return event("execution_progress", requestId, userId, null, null, null, progress, null, null, null);
  }

  static ExecutionEvent event(String type, String requestId, String userId, String cid, Long position, String node,
      Integer progress, Boolean success, Long duration, String error) {
    return new ExecutionEvent(type, requestId, userId, cid, position, node, progress, success, duration, error, TIME);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
