package io.wasmhive.relay.reliability;

import static io.wasmhive.relay.testing.Relays.payloads;
import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import io.wasmhive.relay.testing.RelayHttp.Reply;
import io.wasmhive.platform.testing.ServiceProcess;
import io.wasmhive.relay.RelayApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's reliability requirements, with real relays on one Redis: many requests over two instances, an
 * executor killed with SIGKILL while it holds requests.
 */
class ClusterReliabilityIntegrationTests {

  static final String LOAD_USER = "load";

  @TempDir
  Path dir;

  static RelayHttp http(ConfigurableApplicationContext app) {
    return new RelayHttp(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  static String[] with(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  /** How many times each request id occurs among the payloads of a stream. */
  static Map<String, Long> perRequest(ConfigurableApplicationContext app, String stream,
      java.util.function.Predicate<JsonNode> filter) {
    return payloads(app, stream).stream().filter(filter)
        .collect(Collectors.groupingBy(p -> p.get("request_id").asString(), Collectors.counting()));
  }

  @Test
  void aThousandRequestsOverTwoRelaysAreAllAnsweredAndEachExecutedOnce() throws Exception {
    try (ConfigurableApplicationContext a = RelayApps.start(dir.resolve("a"),
        "relay.rate-limit.overrides." + LOAD_USER + "=100000", "relay.concurrency.overrides." + LOAD_USER + "=1000", "wasmhive.events.consumer-name=relay-a");
        ConfigurableApplicationContext b = RelayApps.start(dir.resolve("b"), with(RelayApps.sharingStoresOf(a),
            "relay.rate-limit.overrides." + LOAD_USER + "=100000", "relay.concurrency.overrides." + LOAD_USER + "=1000", "wasmhive.events.consumer-name=relay-b"))) {
      StoredModule add = store(a, "wat-add.wasm");
      List<RelayHttp> relays = List.of(http(a), http(b));
      ExecutorService clients = Executors.newFixedThreadPool(16);
      List<CompletableFuture<Reply>> replies = new ArrayList<>();
      try {
        for (int i = 0; i < 1000; i++) {
          int n = i;
          replies.add(CompletableFuture.supplyAsync(() -> relays.get(n % 2).execute(LOAD_USER,
              "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[" + n + ",1000]}"), clients));
        }
        Map<String, Integer> byNode = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          Reply reply = replies.get(i).get();
          assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
          JsonNode json = reply.json();
          assertThat(json.get("output").asInt()).isEqualTo(i + 1000);
          ids.add(json.get("request_id").asString());
          byNode.merge(json.get("executor_node").asString().replaceAll("-\\d+$", ""), 1, Integer::sum);
        }
        assertThat(ids).doesNotHaveDuplicates();
        // Executions are spread over both instances' consumers.
        assertThat(byNode.keySet()).containsExactlyInAnyOrder("relay-a", "relay-b");
        assertThat(byNode.values()).allMatch(count -> count >= 50);
        // None executed twice: one start and one outcome per request.
        Map<String, Long> completed = perRequest(a, "wasm_exec_completed", p -> true);
        Map<String, Long> started = perRequest(a, "wasm_exec_events",
            p -> p.path("type").asString("").equals("execution_started"));
        assertThat(completed.keySet()).containsAll(ids);
        assertThat(ids).allSatisfy(id -> {
          assertThat(completed.get(id)).as("outcomes of " + id).isEqualTo(1L);
          assertThat(started.get(id)).as("starts of " + id).isEqualTo(1L);
        });
      } finally {
        clients.shutdownNow();
      }
    }
  }

  @Test
  void requestsHeldByAnExecutorKilledWithSigkillCompleteExactlyOnce() throws Exception {
    try (ConfigurableApplicationContext api = RelayApps.start(dir.resolve("api"), "relay.mode=api",
        "relay.rate-limit.overrides." + LOAD_USER + "=100000", "relay.concurrency.overrides." + LOAD_USER + "=1000", "wasmhive.events.consumer-name=api")) {
      StoredModule loop = store(api, "wat-loop-sum.wasm");
      String[] shared = RelayApps.sharingStoresOf(api);
      String[] workerSettings = {"relay.mode=worker", "relay.executor.consumers=2",
          "relay.executor.reclaim-idle=2s"};
      // What RelayApps sets for in-process relays, for the relay in its own JVM.
      String[] processSettings = {"relay.executor.claim-interval=200ms", "wasmhive.events.follow.block-timeout=200ms",
          "wasmhive.events.consumer.block-timeout=200ms", "WASM_INITIAL_WORKERS=1", "WASM_MAX_WORKERS=2"};
      RelayHttp http = http(api);
      Map<String, Long> expected = new HashMap<>();
      try (ServiceProcess doomed = ServiceProcess.start(RelayApplication.class, dir.resolve("doomed.log"), with(with(with(shared, workerSettings), processSettings),
          "wasmhive.events.consumer-name=doomed", "wasmhive.data-dir=" + dir.resolve("doomed")))) {
        for (int i = 0; i < 12; i++) {
          long n = 400_000_000L + i;
          Reply accepted = http.execute(LOAD_USER, "{\"cid\":\"" + loop.cidV1() + "\",\"inputs\":[" + n + "],"
              + "\"policy\":{\"max_gas\":10000000000,\"max_time\":3000},\"mode\":\"async\"}");
          assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
          expected.put(accepted.json().get("request_id").asString(), n * (n + 1) / 2);
        }
        // Kill the worker while it is executing (it has started at least one and holds the rest pending).
        await().atMost(Duration.ofSeconds(60)).until(() -> payloads(api, "wasm_exec_events").stream()
            .anyMatch(p -> p.path("executor_node").asString("").startsWith("doomed-")));
        doomed.kill9();
        assertThat(doomed.alive()).isFalse();
      }
      long completedBeforeRescue = perRequest(api, "wasm_exec_completed", p -> true).keySet().stream()
          .filter(expected::containsKey).count();
      assertThat(completedBeforeRescue).as("completed before the rescue").isLessThanOrEqualTo(expected.size() / 2);
      try (ConfigurableApplicationContext rescuer = RelayApps.start(dir.resolve("rescuer"),
          with(with(shared, workerSettings), "wasmhive.events.consumer-name=rescuer"))) {
        await().atMost(Duration.ofSeconds(120)).until(() -> perRequest(api, "wasm_exec_completed", p -> true)
            .keySet().containsAll(expected.keySet()));
        Map<String, Long> outcomes = perRequest(api, "wasm_exec_completed", p -> true);
        Map<String, JsonNode> last = payloads(api, "wasm_exec_completed").stream()
            .collect(Collectors.toMap(p -> p.get("request_id").asString(), Function.identity(), (x, y) -> y));
        System.out.println("durations (ms) after the kill: " + expected.keySet().stream()
            .map(id -> last.get(id).get("executor_node").asString() + "=" + last.get(id).get("duration").asLong())
            .toList());
        expected.forEach((id, sum) -> {
          assertThat(outcomes.get(id)).as("outcomes of " + id).isEqualTo(1L);
          assertThat(last.get(id).get("success").asBoolean()).as(last.get(id).toString()).isTrue();
          assertThat(last.get(id).get("output").asLong()).isEqualTo(sum);
        });
        assertThat(expected.keySet()).anyMatch(id -> last.get(id).get("executor_node").asString()
            .startsWith("rescuer-"));
        // The api instance saw every outcome and answers the status of each one.
        await().atMost(Duration.ofSeconds(20)).until(() -> expected.keySet().stream().allMatch(id ->
            http.get("/intent/execute-wasm/" + id, LOAD_USER).json().path("status").asString("")
                .equals("completed")));
      }
    }
  }
}
