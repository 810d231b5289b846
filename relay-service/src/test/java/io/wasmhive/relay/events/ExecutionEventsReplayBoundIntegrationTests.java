package io.wasmhive.relay.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14's finding: a {@code Last-Event-ID: 0} replayed the whole retained stream on the request thread. The
 * replay reads at most {@code relay.sse.max-replay} entries; a client further behind is told what it lost and gets
 * the newest ones.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.data-dir=target/it-data/ExecutionEventsReplayBoundIntegrationTests",
    "relay.sse.retention=1000",
    "relay.sse.max-replay=10",
    "wasmhive.events.follow.batch-size=4",
    "wasmhive.events.approximate-trimming=false"})
class ExecutionEventsReplayBoundIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort
  int port;

  @Autowired
  ExecutionEventPublisher publisher;

  @Test
  void aLastEventIdOfZeroGetsALostNoticeAndOnlyTheNewestMaxReplayEntries() throws Exception {
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      published.add(publisher.publish(ExecutionEventsIntegrationTests.progress("far-request", "far", i)));
    }
    List<String> newest = published.subList(15, 25);
    try (SseTestClient far = RelayEvents.subscribe(port, "far", null, "Last-Event-ID", "0")) {
      SseTestClient.Frame notice = far.nextEvent(WAIT);
      assertThat(notice.id()).isNull();
      assertThat(notice.data()).isEqualTo("{\"type\":\"events_lost\",\"last_event_id\":\"0\",\"first_available_id\":\""
          + newest.get(0) + "\"}");
      assertThat(far.events(10, WAIT)).extracting(SseTestClient.Frame::id).isEqualTo(newest);
      assertThat(far.pending()).noneMatch(SseTestClient.Frame::isEvent);
    }
  }

  @Test
  void anIdWithinTheBoundIsReplayedWithoutANotice() throws Exception {
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      published.add(publisher.publish(ExecutionEventsIntegrationTests.progress("near-request", "near", i)));
    }
    // Exactly max-replay entries after the id: all of them, no notice.
    try (SseTestClient near = RelayEvents.subscribe(port, "near", null, "Last-Event-ID", published.get(0))) {
      List<SseTestClient.Frame> events = near.events(10, WAIT);
      assertThat(events).extracting(SseTestClient.Frame::id).isEqualTo(published.subList(1, 11));
    }
  }
}
