package io.wasmhive.relay.events;

import io.wasmhive.platform.sse.SseTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.platform.events.contract.ExecutionEvent;
import io.wasmhive.platform.testing.RedisTestServer;
import io.wasmhive.relay.RelayApplication;
import io.wasmhive.relay.health.FeatureState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several whole relay applications on one real Redis (a redis-server process the test can stop): an event
 * published once reaches the subscribers of every instance; a subscriber that stops reading is closed while
 * the others get every event; the follow survives a Redis outage; a disabled or worker-mode relay serves no events.
 */
class ExecutionEventsAcrossInstancesIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String DATA = "target/it-data/ExecutionEventsAcrossInstancesIntegrationTests/";

  static RedisTestServer redis;
  static ConfigurableApplicationContext relayA;
  static ConfigurableApplicationContext relayB;

  @BeforeAll
  static void startRedisAndTwoRelays() {
    redis = RedisTestServer.start();
    relayA = start("a");
    relayB = start("b");
  }

  @AfterAll
  static void stopAll() {
    for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {relayA, relayB}) {
      if (app != null) {
        app.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void anEventPublishedOnceReachesTheSubscribersOfBothInstances() throws Exception {
    try (SseTestClient onA = RelayEvents.subscribe(port(relayA), "alice", null);
        SseTestClient onB = RelayEvents.subscribe(port(relayB), "alice", null)) {
      String fromA = publisher(relayA).publish(ExecutionEventsIntegrationTests.progress("r1", "alice", 10));
      String fromB = publisher(relayB).publish(ExecutionEventsIntegrationTests.progress("r1", "alice", 20));

      for (SseTestClient client : List.of(onA, onB)) {
        List<SseTestClient.Frame> events = client.events(2, WAIT);
        assertThat(events).extracting(SseTestClient.Frame::id).containsExactly(fromA, fromB);
        assertThat(events.get(0).data()).contains("\"progress\":10").doesNotContain("user_id");
      }
    }
  }

  @Test
  void aSubscriberThatStopsReadingIsClosedWhileTheOthersGetEveryEvent() throws Exception {
    ExecutionEventStream stream = relayA.getBean(ExecutionEventStream.class);
    FunctionCounter tooSlow = relayA.getBean(MeterRegistry.class).get("relay.sse.subscribers.too_slow")
        .functionCounter();
    double slowBefore = tooSlow.count();
    await().atMost(WAIT).until(() -> stream.connections() == 0);
    try (SseTestClient reader = RelayEvents.subscribe(port(relayA), "bulk", null);
        Socket stalled = stalledSubscriber(port(relayA), "bulk")) {
      await().atMost(WAIT).until(() -> stream.connections() == 2);
      String big = "x".repeat(64 * 1024);
      List<String> ids = new ArrayList<>();
      // 300 frames of 64 KiB: more than the socket buffers of the stalled client plus its queue of 64 can hold.
      for (int i = 0; i < 300; i++) {
        ids.add(publisher(relayA).publish(new ExecutionEvent("execution_error", "bulk-" + i, "bulk", null, null,
            null, null, null, 1L, big, null)));
      }

      List<SseTestClient.Frame> events = reader.events(300, Duration.ofSeconds(60));

      assertThat(events).extracting(SseTestClient.Frame::id).isEqualTo(ids);
      await().atMost(WAIT).until(() -> stream.connections() == 1);
      assertThat(tooSlow.count() - slowBefore).isEqualTo(1.0);
    }
  }

  @Test
  void theFollowIsDegradedWhileRedisIsDownAndThenGoesOnFromItsLastId() throws Exception {
    ExecutionEventStream stream = relayA.getBean(ExecutionEventStream.class);
    try (SseTestClient onA = RelayEvents.subscribe(port(relayA), "olga", null)) {
      String before = publisher(relayA).publish(ExecutionEventsIntegrationTests.progress("o", "olga", 1));
      assertThat(onA.nextEvent(WAIT).id()).isEqualTo(before);

      redis.stop();
      await().atMost(WAIT).until(() -> stream.state().degraded());
      assertThat(stream.state().enabled()).isTrue();
      redis.startAgain();
      // Published as soon as Redis is back, most likely while the follow still backs off: it must still see them.
      List<String> after = new ArrayList<>();
      for (int i = 2; i <= 4; i++) {
        int progress = i;
        await().atMost(WAIT).ignoreExceptions().until(() -> after.add(publisher(relayA).publish(
            ExecutionEventsIntegrationTests.progress("o", "olga", progress))));
      }

      List<String> received = new ArrayList<>();
      while (received.size() < 3) {
        SseTestClient.Frame frame = onA.nextEvent(WAIT);
        // Redis restarted empty, so the follow cannot tell whether entries after its last id were lost and says so.
        if (!frame.data().contains("events_lost")) {
          received.add(frame.id());
        }
      }
      assertThat(received).isEqualTo(after);
      await().atMost(WAIT).until(() -> stream.state().equals(FeatureState.up()));
    }
  }

  @Test
  void aDisabledRelayAnswers404AndReportsTheFeatureOff() throws Exception {
    try (ConfigurableApplicationContext disabled = start("disabled", "--relay.sse.enabled=false")) {
      try (SseTestClient refused = RelayEvents.open(port(disabled), null, "user_id", "alice")) {
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).isEqualTo("{\"success\":false,\"error\":{\"code\":\"SSE_DISABLED\",\"message\":"
            + "\"Execution events are disabled on this relay (relay.sse.enabled)\"}}");
      }
      FeatureState state = disabled.getBean(ExecutionEventStream.class).state();
      assertThat(state.enabled()).isFalse();
      assertThat(state.healthy()).isFalse();
      // The publisher works whatever the endpoint does: executors publish on every instance.
      assertThat(disabled.getBean(ExecutionEventPublisher.class)
          .publish(ExecutionEventsIntegrationTests.progress("d", "alice", 1))).isNotBlank();
    }
  }

  @Test
  void aWorkerRelayServesNoEventsButPublishesThem() throws Exception {
    try (ConfigurableApplicationContext worker = start("worker", "--relay.mode=worker");
        SseTestClient onA = RelayEvents.subscribe(port(relayA), "walt", null)) {
      try (SseTestClient refused = RelayEvents.open(port(worker), null, "user_id", "walt")) {
        assertThat(refused.status()).isEqualTo(404);
      }
      assertThat(worker.getBean(ExecutionEventStream.class).state().enabled()).isFalse();
      String id = worker.getBean(ExecutionEventPublisher.class)
          .publish(ExecutionEventsIntegrationTests.progress("w", "walt", 1));
      assertThat(onA.nextEvent(WAIT).id()).isEqualTo(id);
    }
  }

  @Test
  void aThousandIdleConnectionsHoldNoThreadsAndStillGetHeartbeatsAndTheirEvents() throws Exception {
    ExecutionEventStream stream = relayB.getBean(ExecutionEventStream.class);
    await().atMost(WAIT).until(() -> stream.connections() == 0);
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<Socket> crowd = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        Socket socket = stalledSubscriber(port(relayB), "crowd-" + i);
        socket.setSoTimeout((int) WAIT.toMillis());
        readUntil(socket, "retry: 3000\n\n");
        crowd.add(socket);
      }
      assertThat(stream.connections()).isEqualTo(1000);
      assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore).isLessThan(50);

      readUntil(crowd.get(0), ": heartbeat\n\n");
      readUntil(crowd.get(999), ": heartbeat\n\n");
      String id = publisher(relayA).publish(ExecutionEventsIntegrationTests.progress("c", "crowd-500", 50));
      readUntil(crowd.get(500), "id: " + id + "\ndata: {\"type\":\"execution_progress\",\"request_id\":\"c\",");
    } finally {
      for (Socket socket : crowd) {
        socket.close();
      }
    }
    await().atMost(WAIT).until(() -> stream.connections() == 0);
  }

  /** Reads the socket until the text has arrived; fails on its read timeout. */
  private static void readUntil(Socket socket, String text) throws IOException {
    StringBuilder seen = new StringBuilder();
    InputStream in = socket.getInputStream();
    while (seen.indexOf(text) < 0) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("The stream ended before " + text + "; got " + seen);
      }
      seen.append((char) b);
    }
  }

  private static Socket stalledSubscriber(int port, String user) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + ExecutionEventsConfiguration.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nuser_id: " + user
        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static ConfigurableApplicationContext start(String name, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0", "--management.server.port=0",
        "--server.address=127.0.0.1",
        "--wasmhive.embedded.mongo.port=0",
        "--wasmhive.data-dir=" + DATA + name,
        "--spring.data.redis.url=redis://127.0.0.1:" + redis.port(),
        "--spring.data.redis.timeout=2s",
        "--relay.sse.heartbeat=1s",
        "--relay.sse.queue-capacity=64",
        "--wasmhive.events.follow.block-timeout=300ms",
        "--wasmhive.events.backoff.initial=1s",
        "--wasmhive.events.backoff.max=1s"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(RelayApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private static ExecutionEventPublisher publisher(ConfigurableApplicationContext app) {
    return app.getBean(ExecutionEventPublisher.class);
  }
}
