package io.wasmhive.relay.ui;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.executor.PoolStats;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.relay.ServesApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's two JSON documents: where the other services are ({@code /ui/config.json}, from
 * {@link UiProperties} only, never from the request) and the executor pool with the relay's counters
 * ({@code /ui/pool}: what {@code /actuator/prometheus} shows on the management port, plus the depth of the
 * shared execution queue). Thread-safe; neither blocks.
 */
@RestController
@ServesApi
class UiController {

  /** The seed's counters of {@code IntentMetrics}, by the names the dashboard shows them under. */
  private static final List<String> COUNTERS = List.of("success", "error", "invalid_request", "rate_limited",
      "permission_denied", "idempotent_hit");

  private final UiProperties properties;
  private final Environment environment;
  private final ObjectProvider<WasmExecutor> executor;
  private final MeterRegistry meters;
  private final ExecutionQueue queue;

  UiController(UiProperties properties, Environment environment, ObjectProvider<WasmExecutor> executor,
      MeterRegistry meters, StringRedisTemplate redis) {
    this.queue = new ExecutionQueue(redis);
    this.properties = properties;
    this.environment = environment;
    this.executor = executor;
    this.meters = meters;
  }

  @GetMapping(path = "/ui/config.json", produces = "application/json")
  ResponseEntity<Map<String, Object>> config() {
    int port = environment.getProperty("local.server.port", Integer.class,
        environment.getProperty("server.port", Integer.class, 8080));
    Map<String, String> services = new LinkedHashMap<>();
    services.put("relay", "");
    services.put("workflow", UiProperties.baseUrl(properties.workflowUrl(), port, 1));
    services.put("indexer", UiProperties.baseUrl(properties.indexerUrl(), port, 2));
    services.put("procedure", UiProperties.baseUrl(properties.procedureUrl(), port, 3));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("services", services));
  }

  @GetMapping(path = "/ui/pool", produces = "application/json")
  ResponseEntity<Map<String, Object>> pool() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timestamp", Instant.now().toString());
    WasmExecutor pool = executor.getIfAvailable();
    body.put("executor", pool == null ? null : stats(pool.stats()));
    body.put("queue", queue.depth());
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name : COUNTERS) {
      Counter counter = meters.find("relay.execute_wasm." + name).counter();
      counters.put(name, counter == null ? 0L : (long) counter.count());
    }
    body.put("relay", counters);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  private static Map<String, Object> stats(PoolStats s) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("workers_total", s.totalWorkers());
    stats.put("workers_busy", s.busyWorkers());
    stats.put("workers_idle", s.availableWorkers());
    stats.put("queued", s.queuedTasks());
    stats.put("completed", s.completedTasks());
    stats.put("failed", s.failedTasks());
    stats.put("rejected", s.rejectedTasks());
    stats.put("cached_modules", s.cachedModules());
    return stats;
  }
}
