package io.wasmhive.relay.gateway;

import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.Relays;
import static io.wasmhive.relay.testing.Relays.payloadsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.events.contract.Streams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The gateway on a relay in {@code api} mode, whose requests nobody executes: {@code execution_queued}'s position
 * counts the requests the group {@code executors} has not been handed yet, plus one; waits that end without an
 * outcome leave nothing behind.
 */
class GatewayIntegrationTests {

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext relay;

  @BeforeAll
  static void start() {
    relay = RelayApps.start(dataDir, "relay.mode=api");
  }

  @AfterAll
  static void stop() {
    relay.close();
  }

  @Test
  void positionsCountTheRequestsWaitingAhead() {
    ExecutionGateway gateway = relay.getBean(ExecutionGateway.class);
    StoredModule add = Relays.store(relay, "wat-add.wasm");
    List<CompletableFuture<ExecutionOutcome>> futures = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ExecutionRequest request = Relays.request(add, "[1, 2]");
      ids.add(request.requestId());
      futures.add(gateway.submit(request));
    }
    assertThat(ids.stream().map(this::position)).containsExactly(1L, 2L, 3L);

    // An executor takes two of the three: one is still waiting ahead of the next request.
    StringRedisTemplate redis = relay.getBean(StringRedisTemplate.class);
    redis.opsForStream().createGroup(Streams.EXEC_REQUESTED, ReadOffset.from("0"),
        Streams.EXECUTORS_GROUP);
    redis.opsForStream().read(Consumer.from(Streams.EXECUTORS_GROUP, "probe"),
        StreamReadOptions.empty().count(2), StreamOffset.create(Streams.EXEC_REQUESTED,
            ReadOffset.lastConsumed()));
    ExecutionRequest next = Relays.request(add, "[1, 2]");
    futures.add(gateway.submit(next));
    assertThat(position(next.requestId())).isEqualTo(2L);

    futures.forEach(f -> f.cancel(false));
    assertThat(((RedisExecutionGateway) gateway).waiting()).isZero();
  }

  @Test
  void cancelledAndTimedOutWaitsLeaveNothingBehind() {
    RedisExecutionGateway gateway = relay.getBean(RedisExecutionGateway.class);
    int before = gateway.waiting();
    CompletableFuture<ExecutionOutcome> cancelled = gateway.awaitCompletion(Relays.requestId());
    CompletableFuture<ExecutionOutcome> timedOut = gateway.awaitCompletion(Relays.requestId())
        .orTimeout(50, TimeUnit.MILLISECONDS);
    assertThat(gateway.waiting()).isEqualTo(before + 2);
    cancelled.cancel(false);
    await().atMost(Duration.ofSeconds(5)).until(timedOut::isDone);
    assertThat(gateway.waiting()).isEqualTo(before);
    assertThat(gateway.state().healthy()).isTrue();
  }

  private long position(String requestId) {
    return payloadsOf(relay, "wasm_exec_events", requestId).get(0).get("position").asLong();
  }
}
