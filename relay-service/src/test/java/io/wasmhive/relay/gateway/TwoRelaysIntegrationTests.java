package io.wasmhive.relay.gateway;

import io.wasmhive.relay.testing.RelayApps;
import static io.wasmhive.relay.testing.Relays.eventTypes;
import static io.wasmhive.relay.testing.Relays.request;
import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.redis.RedisStreamEventBus;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.RedisTestServer;
import io.wasmhive.relay.execution.ExecutorConsumers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two relays on one Redis and one MongoDB: an {@code api} instance that only accepts and a {@code worker}
 * instance that only executes. An outcome completes on the instance that submitted, though the other ran it.
 */
class TwoRelaysIntegrationTests {

  @TempDir
  static Path dataDir;

  static RedisTestServer redis;
  static ConfigurableApplicationContext api;
  static ConfigurableApplicationContext worker;

  @BeforeAll
  static void start() {
    redis = RedisTestServer.start();
    String redisUrl = "spring.data.redis.url=redis://127.0.0.1:" + redis.port();
    // Lettuce queues commands while disconnected until the command timeout (60 s by default): keep it short.
    api = RelayApps.start(dataDir.resolve("api"), "relay.mode=api", redisUrl, "spring.data.redis.timeout=2s",
        "wasmhive.events.consumer-name=api-node");
    worker = RelayApps.start(dataDir.resolve("worker"), "relay.mode=worker", redisUrl,
        RelayApps.sharingStoresOf(api)[1], "wasmhive.events.consumer-name=worker-node");
  }

  @AfterAll
  static void stop() {
    worker.close();
    api.close();
    redis.close();
  }

  @Test
  void onlyTheWorkerRunsExecutors() {
    assertThat(api.getBeanNamesForType(ExecutorConsumers.class)).isEmpty();
    assertThat(worker.getBeanNamesForType(ExecutorConsumers.class)).hasSize(1);
    // The executor too, configured by seed 004's names (RelayApps passes WASM_INITIAL_WORKERS=1, WASM_MAX_WORKERS=4).
    assertThat(api.getBeanNamesForType(WasmExecutor.class)).isEmpty();
    assertThat(worker.getBean(WasmExecutor.class).options().maxWorkers()).isEqualTo(4);
    assertThat(worker.getBean(WasmExecutor.class).options().initialWorkers()).isEqualTo(1);
  }

  @Test
  void theOutcomeCompletesOnTheSubmittingInstanceThoughTheOtherRanIt() throws Exception {
    StoredModule add = store(api, "wat-add.wasm");
    ExecutionRequest request = request(add, "[1, 2]");
    CompletableFuture<ExecutionOutcome> awaitedOnWorker = worker.getBean(ExecutionGateway.class)
        .awaitCompletion(request.requestId());

    ExecutionOutcome outcome = api.getBean(ExecutionGateway.class).submit(request).get(20, TimeUnit.SECONDS);

    assertThat(outcome.output().asInt()).isEqualTo(3);
    assertThat(outcome.executorNode()).startsWith("worker-node-");
    assertThat(awaitedOnWorker.get(10, TimeUnit.SECONDS)).isEqualTo(outcome);
    await().atMost(Duration.ofSeconds(5)).until(() -> eventTypes(api, request.requestId()).size() == 3);
  }

  @Test
  void twoConsumersShareTheWork() throws Exception {
    StoredModule add = store(api, "wat-add.wasm");
    ExecutionGateway gateway = api.getBean(ExecutionGateway.class);
    java.util.List<CompletableFuture<ExecutionOutcome>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      futures.add(gateway.submit(request(add, "[" + i + ", 1]")));
    }
    java.util.Set<String> nodes = new java.util.HashSet<>();
    for (int i = 0; i < futures.size(); i++) {
      ExecutionOutcome outcome = futures.get(i).get(30, TimeUnit.SECONDS);
      assertThat(outcome.output().asInt()).isEqualTo(i + 1);
      nodes.add(outcome.executorNode());
    }
    assertThat(nodes).allMatch(n -> n.startsWith("worker-node-")).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void submittingWhileRedisIsDownFailsWithAnEventBusException() {
    StoredModule add = store(api, "wat-add.wasm");
    ExecutionGateway gateway = api.getBean(ExecutionGateway.class);
    RedisExecutionGateway concrete = api.getBean(RedisExecutionGateway.class);
    int waiting = concrete.waiting();
    redis.stop();
    try {
      long started = System.nanoTime();
      assertThatThrownBy(() -> gateway.submit(request(add, "[1, 2]"))).isInstanceOf(EventBusException.class)
          .satisfies(e -> assertThat(((EventBusException) e).retryable()).isTrue());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(concrete.waiting()).isEqualTo(waiting);
      await().atMost(Duration.ofSeconds(10)).until(() -> !gateway.state().healthy());
    } finally {
      redis.startAgain();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> gateway.state().healthy());
    assertThat(api.getBean(EventBus.class)).isInstanceOf(RedisStreamEventBus.class);
  }
}
