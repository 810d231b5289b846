package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.json;
import static io.wasmhive.procedure.api.ProcedureApiIntegrationTests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.executor.ErrorKind;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.ProcedureApplication;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import io.wasmhive.procedure.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load shedding and shutdown on a one-worker executor ({@code WASM_MAX_WORKERS=1}, {@code WASM_QUEUE_CAPACITY=1},
 * set like any Spring property): calls beyond the queue are refused at once with 429 and {@code Retry-After};
 * a call in flight when the application closes still gets its own answer.
 */
class ProcedureLoadSheddingIntegrationTests {

  /** How long the spinning procedure runs before its time limit stops it. */
  private static final long SPIN_MS = 1_500;

  @TempDir
  Path dataDir;

  @Test
  void aCallBeyondTheQueueIsOverloadedWithRetryAfterAndTheServiceRecovers() {
    try (ConfigurableApplicationContext app = start()) {
      HttpProbe http = createSpin(app);
      WasmExecutor executor = app.getBean(WasmExecutor.class);
      CompletableFuture<Reply> running = spin(http);
      await().atMost(Duration.ofSeconds(5)).until(() -> executor.stats().busyWorkers() == 1);
      CompletableFuture<Reply> queued = spin(http);
      await().atMost(Duration.ofSeconds(5)).until(() -> executor.stats().queuedTasks() == 1);

      long start = System.nanoTime();
      Reply refused = http.post("/procedures/spin/call", "{\"args\": []}");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(SPIN_MS / 2));
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.body().get("error").get("code").asString()).isEqualTo("OVERLOADED");
      assertThat(refused.raw().headers().firstValueAsLong("Retry-After").orElse(0)).isPositive();

      for (Reply r : List.of(running.join(), queued.join())) {
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("error").get("code").asString()).isEqualTo("TIMEOUT");
      }
      assertThat(http.post("/procedures", json(request("add", "c-add.wasm",
          List.of(ProcedureApiIntegrationTests.param("a", "INT"), ProcedureApiIntegrationTests.param("b", "INT")),
          "INT"))).status()).isEqualTo(201);
      assertThat(http.post("/procedures/add/call", "{\"args\": [2, 3]}").body().get("result").asInt()).isEqualTo(5);
    }
  }

  @Test
  void aCallInFlightWhenTheApplicationClosesGetsItsOwnAnswer() throws Exception {
    ConfigurableApplicationContext app = start();
    HttpProbe http = createSpin(app);
    WasmExecutor executor = app.getBean(WasmExecutor.class);
    CompletableFuture<Reply> inFlight = spin(http);
    await().atMost(Duration.ofSeconds(5)).until(() -> executor.stats().busyWorkers() == 1);
    app.close();
    Reply reply = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body().get("error").get("code").asString()).isEqualTo("TIMEOUT");
  }

  private static CompletableFuture<Reply> spin(HttpProbe http) {
    return CompletableFuture.supplyAsync(() -> http.post("/procedures/spin/call", "{\"args\": []}"));
  }

  @Test
  void anExecutorThatIsShuttingDownIsReportedAsUnavailableNotOverloaded() {
    assertThat(ErrorCode.of(ErrorKind.SHUT_DOWN)).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(ErrorCode.UNAVAILABLE.status()).isEqualTo(503);
    assertThat(ErrorCode.UNAVAILABLE.retryable()).isTrue();
  }

  private static HttpProbe createSpin(ConfigurableApplicationContext app) {
    HttpProbe http = new HttpProbe(((WebServerApplicationContext) app).getWebServer().getPort(), null);
    Map<String, Object> spin = new LinkedHashMap<>(request("spin", "hostile-infinite-loop.wasm", List.of(), null));
    spin.put("entry", "run");
    spin.put("limits", Map.of("max_time_ms", SPIN_MS, "max_gas", 1_000_000_000_000L));
    Reply created = http.post("/procedures", json(spin));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return http;
  }

  private ConfigurableApplicationContext start() {
    // Command-line arguments: they outrank application.yml's server.port, as default properties do not.
    return new SpringApplicationBuilder(ProcedureApplication.class).run(
        "--server.port=0", "--management.server.port=0",
        "--server.address=127.0.0.1",
        "--wasmhive.embedded.mongo.port=0",
        "--wasmhive.embedded.redis.port=0",
        "--wasmhive.data-dir=" + dataDir,
        "--WASM_MAX_WORKERS=1",
        "--WASM_INITIAL_WORKERS=1",
        "--WASM_QUEUE_CAPACITY=1");
  }
}
