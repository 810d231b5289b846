package io.wasmhive.relay.execution;

import io.wasmhive.relay.testing.Relays;
import static io.wasmhive.relay.testing.Relays.JSON;
import static io.wasmhive.relay.testing.Relays.eventTypes;
import static io.wasmhive.relay.testing.Relays.payloadsOf;
import static io.wasmhive.relay.testing.Relays.request;
import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.events.Delivery;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.contract.ExecutionCompleted;
import io.wasmhive.platform.events.contract.ExecutionRequested;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.relay.events.ExecutionEventPublisher;
import io.wasmhive.relay.gateway.ExecutionGateway;
import io.wasmhive.relay.gateway.ExecutionOutcome;
import io.wasmhive.relay.gateway.ExecutionPolicy;
import io.wasmhive.relay.gateway.ExecutionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One relay (mode {@code all}) on the embedded Redis and MongoDB stand-in: requests go through
 * {@link ExecutionGateway#submit} to the executor consumers and real guest modules on executor-core.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.data-dir=target/it-data/ExecutionIntegrationTests",
    "WASM_INITIAL_WORKERS=1",
    "wasmhive.events.follow.block-timeout=200ms",
    "relay.executor.claim-interval=200ms",
    "relay.executor.reclaim-idle=2s",
    "relay.executor.max-deliveries=3",
    "wasmhive.events.consumer.block-timeout=200ms"})
class ExecutionIntegrationTests {

  @Autowired
  ApplicationContext app;

  @Autowired
  ExecutionGateway gateway;

  @Autowired
  ExecutorConsumers consumers;

  @Autowired
  StringRedisTemplate redis;

  @Autowired
  EventBus bus;

  @Autowired
  ExecutionEventPublisher publisher;

  @Test
  void theSeedsExampleAddsOneAndTwo() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    ExecutionRequest request = request(add, "[1, 2]");
    ExecutionOutcome outcome = gateway.submit(request).get(20, TimeUnit.SECONDS);

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.output().asInt()).isEqualTo(3);
    assertThat(outcome.errorCode()).isNull();
    assertThat(outcome.gasUsed()).isPositive();
    assertThat(outcome.executorNode()).isNotBlank();
    assertThat(outcome.executedAt()).isBefore(Instant.now().plusSeconds(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> eventTypes(app, request.requestId()).size() == 3);
    assertThat(eventTypes(app, request.requestId()))
        .containsExactly("execution_queued", "execution_started", "execution_complete");
    List<JsonNode> events = payloadsOf(app, "wasm_exec_events", request.requestId());
    assertThat(events.get(0).get("position").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(events.get(0).get("cid").asString()).isEqualTo(add.cidV1());
    assertThat(events.get(0).propertyNames()).containsExactlyInAnyOrder("type", "request_id", "user_id", "cid",
        "position", "timestamp");
    assertThat(events.get(1).propertyNames()).containsExactlyInAnyOrder("type", "request_id", "user_id",
        "executor_node", "timestamp");
    assertThat(events.get(2).propertyNames()).containsExactlyInAnyOrder("type", "request_id", "user_id",
        "success", "duration", "timestamp");
    assertThat(events.get(1).get("executor_node").asString()).isEqualTo(outcome.executorNode());
    assertThat(events.get(2).get("success").asBoolean()).isTrue();
    assertThat(events.get(2).has("error")).isFalse();
  }

  @Test
  void requestsAndOutcomesCarryTheSeedsFieldNames() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    ExecutionRequest request = request(add, "[40, 2]");
    gateway.submit(request).get(20, TimeUnit.SECONDS);

    JsonNode requested = payloadsOf(app, "wasm_exec_requested", request.requestId()).get(0);
    assertThat(requested.propertyNames()).containsExactlyInAnyOrder("request_id", "cid", "module_sha256", "inputs",
        "policy", "user_id", "session_id", "timestamp");
    assertThat(requested.get("policy").propertyNames()).containsExactlyInAnyOrder("max_memory", "max_gas",
        "max_time");
    assertThat(requested.get("policy").get("max_time").asLong()).isEqualTo(5_000);
    assertThat(requested.get("inputs")).isEqualTo(JSON.readTree("[40, 2]"));
    JsonNode completed = payloadsOf(app, "wasm_exec_completed", request.requestId()).get(0);
    assertThat(completed.propertyNames()).contains("request_id", "success", "output", "error", "error_code",
        "gas_used", "duration", "executed_at", "executor_node", "cid", "user_id", "session_id");
    assertThat(completed.get("output").asInt()).isEqualTo(42);
    assertThat(completed.get("error").isNull()).isTrue();
  }

  @Test
  void aWasiCommandGetsInputsOnStdinAndItsJsonStdoutIsTheOutput() throws Exception {
    StoredModule json = store(app, "rust-json-cmd.wasm");
    // 17 initial pages: more than the seed's 1 MiB example policy allows.
    ExecutionOutcome small = gateway.submit(request(json, "{\"values\": [1]}")).get(20, TimeUnit.SECONDS);
    assertThat(small.errorCode()).isEqualTo("MEMORY_LIMIT");
    ExecutionOutcome outcome = gateway.submit(request(Relays.requestId(), json, "{\"values\": [1, 2, 3, 4]}",
        new ExecutionPolicy(4 << 20, 0, 5_000))).get(20, TimeUnit.SECONDS);
    assertThat(outcome.success()).as(outcome.toString()).isTrue();
    assertThat(outcome.output()).isEqualTo(JSON.readTree("{\"sum\": 10, \"count\": 4}"));
  }

  @Test
  void stdoutThatIsNotJsonIsInvalidOutput() throws Exception {
    StoredModule sha = store(app, "c-sha256-cmd.wasm");
    ExecutionOutcome outcome = gateway.submit(request(sha, "[1]")).get(20, TimeUnit.SECONDS);
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.errorCode()).isEqualTo("INVALID_OUTPUT");
    assertThat(outcome.error()).contains("not JSON");
    assertThat(outcome.output().isNull()).isTrue();
  }

  @Test
  void typedArgumentsAreCheckedAtTheEdgeOfI32() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    assertThat(outcome(add, "[2147483647, 0]").output().asInt()).isEqualTo(Integer.MAX_VALUE);
    ExecutionOutcome past = outcome(add, "[2147483648, 0]");
    assertThat(past.errorCode()).isEqualTo("INVALID_INPUT");
    assertThat(past.error()).contains("between -2147483648 and 2147483647");
    assertThat(outcome(add, "[1]").errorCode()).isEqualTo("INVALID_INPUT");
    assertThat(outcome(add, "[1, \"2\"]").errorCode()).isEqualTo("INVALID_INPUT");
    assertThat(outcome(add, "{\"a\": 1}").errorCode()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void guestFailuresHaveTheirCodes() throws Exception {
    assertThat(outcome(store(app, "wat-trap-unreachable.wasm"), "null").errorCode()).isEqualTo("TRAP");
    ExecutionOutcome gas = gateway.submit(request(Relays.requestId(), store(app, "hostile-gas-burner.wasm"), "[]",
        new ExecutionPolicy(0, 1_000_000, 5_000))).get(20, TimeUnit.SECONDS);
    assertThat(gas.errorCode()).isEqualTo("OUT_OF_GAS");
    assertThat(gas.gasUsed()).isGreaterThanOrEqualTo(1_000_000);
    ExecutionOutcome time = gateway.submit(request(Relays.requestId(), store(app, "hostile-infinite-loop.wasm"),
        "null", new ExecutionPolicy(0, 1_000_000_000_000L, 300))).get(20, TimeUnit.SECONDS);
    assertThat(time.errorCode()).isEqualTo("TIMEOUT");
  }

  @Test
  void aRequestWithOnlyTheSeedsFieldsRunsTheModuleItsCidNames() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    String id = Relays.requestId();
    CompletableFuture<ExecutionOutcome> outcome = gateway.awaitCompletion(id);
    bus.publish(new ExecutionRequested(id, add.cidV0(), null,
        JSON.readTree("[20, 22]"), null, "other-service", "", Instant.now().toString()));
    assertThat(outcome.get(20, TimeUnit.SECONDS).output().asInt()).isEqualTo(42);
  }

  @Test
  void aModuleMissingFromTheStoreIsUnavailable() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    StoredModule ghost = new StoredModule("0".repeat(64), 1, add.cidV0(), add.cidV1(), add.cids(), add.aliases(),
        add.sources(), add.storedAt());
    ExecutionOutcome outcome = outcome(ghost, "[1, 2]");
    assertThat(outcome.errorCode()).isEqualTo("MODULE_UNAVAILABLE");
    assertThat(outcome.error()).contains("0".repeat(64));
  }

  @Test
  void aStoredModuleUsingAProposalThatIsOffIsAnInvalidModuleNamingIt() throws Exception {
    StoredModule simd = store(app, "hostile-simd.wasm");
    ExecutionOutcome outcome = outcome(simd, "[]");
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.errorCode()).isEqualTo("INVALID_MODULE");
    assertThat(outcome.error()).contains("uses SIMD (`f64x2.splat` in function").contains("SIMD is off, see WASM_FEATURES");
  }

  @Test
  void hostProgressBecomesThrottledProgressEventsBeforeTheFinalOne() throws Exception {
    StoredModule progress = store(app, "progress.wasm");
    ExecutionRequest request = request(Relays.requestId(), progress, "[20, 3000000]",
        new ExecutionPolicy(0, 1_000_000_000_000L, 20_000));
    ExecutionOutcome outcome = gateway.submit(request).get(30, TimeUnit.SECONDS);
    assertThat(outcome.output().asInt()).isEqualTo(21);

    await().atMost(Duration.ofSeconds(5)).until(() -> eventTypes(app, request.requestId())
        .contains("execution_complete"));
    List<String> types = eventTypes(app, request.requestId());
    List<Integer> percents = payloadsOf(app, "wasm_exec_events", request.requestId()).stream()
        .filter(e -> e.get("type").asString().equals("execution_progress")).map(e -> e.get("progress").asInt())
        .toList();
    assertThat(percents).isNotEmpty().hasSizeLessThanOrEqualTo(21).isSorted().allMatch(p -> p >= 0 && p <= 100);
    assertThat(percents.get(0)).isZero();
    assertThat(types.get(types.size() - 1)).isEqualTo("execution_complete");
    assertThat(types.indexOf("execution_started")).isLessThan(types.indexOf("execution_progress"));
  }

  @Test
  void aRedeliveryOfACompletedRequestIsNotExecutedAgain() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    ExecutionRequest request = request(add, "[5, 3]");
    assertThat(gateway.submit(request).get(20, TimeUnit.SECONDS).output().asInt()).isEqualTo(8);
    String entry = Relays.requestEntries(app, request.requestId()).get(0);
    ExecutionRequested wire = request.toWire();

    // The consumer crashed after the outcome was published, before the ack: the entry comes again.
    consumers.handle(wire, new Delivery("wasm_exec_requested", "executors", "other-consumer", entry,
        "wasm_exec_requested", Instant.now(), 2));
    assertThat(payloadsOf(app, "wasm_exec_completed", request.requestId())).hasSize(1);
    assertThat(eventTypes(app, request.requestId())).containsOnlyOnce("execution_started");

    // The same request id submitted again while its marker lives: the stored outcome is published again.
    CompletableFuture<ExecutionOutcome> again = gateway.awaitCompletion(request.requestId());
    consumers.handle(wire, new Delivery("wasm_exec_requested", "executors", "other-consumer", "1-1",
        "wasm_exec_requested", Instant.now(), 1));
    assertThat(again.get(10, TimeUnit.SECONDS).output().asInt()).isEqualTo(8);
    assertThat(payloadsOf(app, "wasm_exec_completed", request.requestId())).hasSize(2);
    assertThat(eventTypes(app, request.requestId())).containsOnlyOnce("execution_started");
  }

  @Test
  void aRequestHeldByADeadConsumerRunsOnceItsLeaseRunsOut() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    String id = Relays.requestId();
    // A consumer claimed the request and died before publishing anything: its marker lives 2.5 s more.
    redis.opsForValue().set(CompletionMarker.PREFIX + id, "running|1-0", Duration.ofMillis(2_500));
    long started = System.nanoTime();

    ExecutionOutcome outcome = gateway.submit(request(id, add, "[2, 2]", new ExecutionPolicy(0, 0, 1_000)))
        .get(30, TimeUnit.SECONDS);

    assertThat(outcome.output().asInt()).isEqualTo(4);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(2_000));
    assertThat(eventTypes(app, id)).containsOnlyOnce("execution_started");
    assertThat(redis.opsForValue().get(CompletionMarker.PREFIX + id)).startsWith("done|");
    assertThat(redis.getExpire(CompletionMarker.PREFIX + id)).isBetween(1L, 600L);
  }

  @Test
  void aRequestThatStaysHeldIsDeadLetteredAfterMaxDeliveries() throws Exception {
    StoredModule add = store(app, "wat-add.wasm");
    String id = Relays.requestId();
    redis.opsForValue().set(CompletionMarker.PREFIX + id, "running|1-0", Duration.ofMinutes(5));
    CompletableFuture<ExecutionOutcome> future = gateway.submit(request(id, add, "[2, 2]",
        new ExecutionPolicy(0, 0, 1_000)));

    await().atMost(Duration.ofSeconds(30)).until(() -> !payloadsOf(app, "wasm_exec_requested.dlq", id).isEmpty());
    List<MapRecord<String, Object, Object>> dead =
        redis.opsForStream().range("wasm_exec_requested.dlq", Range.unbounded());
    assertThat(dead).filteredOn(r -> String.valueOf(r.getValue().get("payload")).contains(id)).singleElement()
        .satisfies(r -> assertThat(r.getValue().get("dlq_delivery_count")).isEqualTo("3"));
    assertThat(eventTypes(app, id)).doesNotContain("execution_started");
    assertThat(future).isNotDone();
    future.cancel(false);
    redis.delete(CompletionMarker.PREFIX + id);
  }

  @Test
  void anOutcomeIsPublishedOnlyWhileItsDeliveryHoldsTheRequestAndOnlyOnce() {
    String id = Relays.requestId();
    CompletionMarker marker = new CompletionMarker(redis, bus, Duration.ofMinutes(1));
    ExecutionCompleted outcome = new ExecutionCompleted(id, "bafk", "user-1", "", true, JSON.readTree("7"), null,
        null, 1, 1, Instant.now().toString(), "node-1");
    // Another delivery took the request over (this one's lease ran out while it ran): nothing is published.
    redis.opsForValue().set(CompletionMarker.PREFIX + id, "running|2-0", Duration.ofMinutes(1));

    assertThat(marker.finish(id, "1-0", outcome, publisher.publication(publisher.finalEvent(outcome))))
        .isEqualTo(new CompletionMarker.State.Running("2-0"));
    assertThat(payloadsOf(app, "wasm_exec_completed", id)).isEmpty();
    assertThat(eventTypes(app, id)).isEmpty();

    assertThat(marker.finish(id, "2-0", outcome, publisher.publication(publisher.finalEvent(outcome))))
        .isEqualTo(new CompletionMarker.State.Begun());
    String done = redis.opsForValue().get(CompletionMarker.PREFIX + id);
    assertThat(done).startsWith("done|2-0|{\"request_id\":\"" + id + "\"");
    assertThat(eventTypes(app, id)).containsExactly("execution_complete");
    // The overtaken delivery finishing later still publishes nothing.
    assertThat(marker.finish(id, "1-0", outcome, publisher.publication(publisher.finalEvent(outcome))))
        .isInstanceOf(CompletionMarker.State.Done.class);

    marker.republish(done.substring("done|2-0|".length()));
    List<String> stored = redis.opsForStream().range("wasm_exec_completed", Range.unbounded()).stream()
        .map(r -> String.valueOf(r.getValue().get("payload"))).filter(p -> p.contains(id)).toList();
    assertThat(stored).hasSize(2).containsOnly(done.substring("done|2-0|".length()));
  }

  private ExecutionOutcome outcome(StoredModule module, String inputs) throws Exception {
    return gateway.submit(request(module, inputs)).get(20, TimeUnit.SECONDS);
  }
}
