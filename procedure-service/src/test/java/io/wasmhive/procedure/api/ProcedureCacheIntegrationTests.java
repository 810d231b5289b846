package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.json;
import static io.wasmhive.procedure.api.ProcedureApiIntegrationTests.param;
import static io.wasmhive.procedure.api.ProcedureApiIntegrationTests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.store.ProcedureStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The in-memory procedure cache: calls in flight keep their version across a replace, and a change made by
 * another instance (written straight into the store here) is seen within {@code procedure.cache-revalidate}.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/cache", "procedure.cache-revalidate=300ms"})
class ProcedureCacheIntegrationTests {

  /** Iterations of {@code sum_to} that keep a call busy for a while on this machine. */
  static final long SLOW_N = 3_000_000_000L;

  @LocalServerPort
  int port;

  @Autowired
  WasmExecutor executor;

  @Autowired
  ProcedureStore store;

  String database;
  HttpProbe http;

  @BeforeEach
  void database() {
    database = "it-" + UUID.randomUUID();
    http = new HttpProbe(port, database);
  }

  @Test
  void aCallInFlightDuringAReplaceFinishesOnTheVersionItStartedWith() throws Exception {
    assertThat(create("wat-loop-sum.wasm", "sum_to", false).status()).isEqualTo(201);
    int busyBefore = executor.stats().busyWorkers();
    CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> call("[" + SLOW_N + "]"));
    await().atMost(Duration.ofSeconds(10)).until(() -> executor.stats().busyWorkers() > busyBefore);

    Reply replaced = create("wat-sign-ext.wasm", "extend32_64", true);
    assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(201);
    assertThat(slow).as("the slow call must still run when the replace is done").isNotDone();
    assertThat(call("[5]").body().get("result").asLong()).as("a new call runs version 2").isEqualTo(5);

    Reply old = slow.get();
    assertThat(old.status()).as(old.raw().body()).isEqualTo(200);
    assertThat(old.body().get("result").asLong()).isEqualTo(SLOW_N * (SLOW_N + 1) / 2);
    assertThat(http.get("/procedures/loop").body().get("version").asLong()).isEqualTo(2);
  }

  @Test
  void aDropByAnotherInstanceIsSeenWithinTheRevalidationPeriod() {
    assertThat(create("wat-loop-sum.wasm", "sum_to", false).status()).isEqualTo(201);
    assertThat(call("[10]").body().get("result").asLong()).isEqualTo(55);
    // Another instance drops it: this one's cache still answers until the entry is revalidated.
    assertThat(store.delete(database, "loop")).isTrue();
    await().atMost(Duration.ofSeconds(2)).until(() -> call("[10]").status() == 404);
    assertThat(call("[10]").errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aDropByThisInstanceIsSeenAtOnce() {
    assertThat(create("wat-loop-sum.wasm", "sum_to", false).status()).isEqualTo(201);
    assertThat(call("[3]").body().get("result").asLong()).isEqualTo(6);
    assertThat(http.delete("/procedures/loop").status()).isEqualTo(200);
    assertThat(call("[3]").status()).isEqualTo(404);
  }

  private Reply create(String guest, String entry, boolean replace) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(
        request("loop", guest, List.of(param("n", "BIGINT")), "BIGINT"));
    body.put("entry", entry);
    body.put("replace", replace);
    body.put("limits", Map.of("max_time_ms", 60_000, "max_gas", 1_000_000_000_000L));
    return http.post("/procedures", json(body));
  }

  private Reply call(String args) {
    return http.post("/procedures/loop/call", "{\"args\": " + args + "}");
  }
}
