package io.wasmhive.workflow.access;

import static io.wasmhive.workflow.access.TestCallers.Who.NAMESAKE;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER;
import static io.wasmhive.workflow.access.TestCallers.Who.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.platform.sse.SseTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One caller holds at most {@code workflow.events.max-connections-per-principal} (the default, 10) event streams
 * on an instance: the 11th is 429 {@code TOO_MANY_CONNECTIONS} with a {@code Retry-After}, while another principal
 * of the tenant, and a principal of the same name in another tenant, still get in; once one stream closes, the
 * caller gets in again.
 */
@SecureServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventConnectionsPerPrincipalIntegrationTests {

  private static final int DEFAULT_LIMIT = 10;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  SseChannel<?> channel;

  TestCallers callers;

  @BeforeAll
  void issueKeys() {
    callers = new TestCallers(keys, port);
  }

  @Test
  void theEleventhStreamOfOneCallerIs429WhileOthersStillGetIn() throws Exception {
    awaitConnections(0);
    String workflow = Workflows.create(callers.as(OWNER), Workflows.scheduled());
    String namesakes = Workflows.create(callers.as(NAMESAKE), Workflows.scheduled());
    URI events = callers.as(OWNER).uri("/workflows/" + workflow + "/events");
    List<SseTestClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < DEFAULT_LIMIT; i++) {
        open.add(SseTestClient.subscribe(events, callers.sseHeaders(OWNER)));
      }
      assertThat(channel.connections()).isEqualTo(DEFAULT_LIMIT);
      try (SseTestClient refused = SseTestClient.open(events, callers.sseHeaders(OWNER))) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("3");
        JsonNode error = JsonMapper.builder().build().readTree(refused.body()).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("TOO_MANY_CONNECTIONS");
        assertThat(error.get("message").stringValue()).contains("10 event streams");
      }
      assertThat(channel.connections()).isEqualTo(DEFAULT_LIMIT);
      open.add(SseTestClient.subscribe(events, callers.sseHeaders(PEER)));
      open.add(SseTestClient.subscribe(callers.as(NAMESAKE).uri("/workflows/" + namesakes + "/events"),
          callers.sseHeaders(NAMESAKE)));
      assertThat(channel.connections()).isEqualTo(DEFAULT_LIMIT + 2);

      open.remove(0).close();
      // The server notices the gone client at its next heartbeat (200 ms here) and frees its place.
      awaitConnections(DEFAULT_LIMIT + 1);
      open.add(SseTestClient.subscribe(events, callers.sseHeaders(OWNER)));
      assertThat(channel.connections()).isEqualTo(DEFAULT_LIMIT + 2);
    } finally {
      open.forEach(SseTestClient::close);
    }
  }

  private void awaitConnections(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (channel.connections() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(channel.connections()).isEqualTo(expected);
  }
}
