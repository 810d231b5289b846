package io.wasmhive.relay.intent;

import static io.wasmhive.relay.testing.Relays.eventTypes;
import static io.wasmhive.relay.testing.Relays.payloadsOf;
import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.OperationsQueries;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import io.wasmhive.relay.fuzz.RelayFuzz;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import io.wasmhive.relay.testing.RelayHttp.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** POST /intent/execute-wasm end to end: real HTTP, real Redis streams and executors, the embedded MongoDB. */
class ExecuteWasmIntegrationTests {

  private static final String POLICY = "\"policy\":{\"max_memory\":1048576,\"max_gas\":1000000,\"max_time\":5000}";

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext app;
  static RelayHttp http;
  static StoredModule add;
  static StoredModule trap;
  static StoredModule loop;

  @BeforeAll
  static void start() {
    app = RelayApps.start(dataDir,
        "relay.rate-limit.limit=1000",
        "relay.rate-limit.overrides.limited=3",
        "relay.concurrency.overrides.busy=2",
        "relay.intent.max-body-bytes=4096",
        "relay.intent.resolve-wait=300ms",
        "relay.permission.rules[0].users=mallory",
        "relay.permission.rules[0].modules=*",
        "relay.permission.rules[0].effect=deny");
    http = new RelayHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    add = store(app, "wat-add.wasm");
    trap = store(app, "wat-trap-unreachable.wasm");
    loop = store(app, "wat-loop-sum.wasm");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String body(String cid, String inputs) {
    return "{\"cid\":\"" + cid + "\",\"inputs\":" + inputs + "," + POLICY + "}";
  }

  private static double counter(String name) {
    return app.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter(name).count();
  }

  @Test
  void theSeedsExampleAddsOneAndTwo() {
    Reply reply = http.execute("alice", body(add.cidV1(), "[1,2]"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode json = reply.json();
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("output").asInt()).isEqualTo(3);
    assertThat(json.get("request_id").asString()).matches("[0-9a-f]{64}");
    assertThat(json.get("gas_used").asLong()).isPositive();
    assertThat(json.get("duration").asLong()).isNotNegative();
    assertThat(Instant.parse(json.get("executed_at").asString())).isBefore(Instant.now().plusSeconds(1));
    assertThat(reply.headers().firstValue("X-Idempotent-Replay")).hasValue("false");
    // CIDv0 of the same bytes works too, and is a different request.
    Reply v0 = http.execute("alice", body(add.cidV0(), "[40,2]"));
    assertThat(v0.json().get("output").asInt()).as(v0.toString()).isEqualTo(42);
  }

  @Test
  void aRepeatedRequestIsAnsweredFromTheCacheWithTheSameBody() {
    double hits = counter("relay.execute_wasm.idempotent_hit");
    Reply first = http.execute("bob", body(add.cidV1(), "[20,22]"));
    Reply second = http.execute("bob", "{ " + POLICY + ", \"inputs\":[20,22], \"cid\":\"" + add.cidV1() + "\"}");
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("X-Idempotent-Replay")).hasValue("true");
    assertThat(counter("relay.execute_wasm.idempotent_hit")).isEqualTo(hits + 1);
    // Another user is another request.
    Reply carol = http.execute("carol", body(add.cidV1(), "[20,22]"));
    assertThat(carol.json().get("request_id").asString()).isNotEqualTo(first.json().get("request_id").asString());
    // An explicit key: one execution per user and key; the same request again (in any key order or spacing) is a
    // replay, another request with the key is refused and never sees the first one's answer.
    String keyed = "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[1,1],\"idempotency_key\":\"order-7\"}";
    Reply k1 = http.execute("bob", keyed);
    assertThat(k1.json().get("output").asInt()).isEqualTo(2);
    Reply k2 = http.execute("bob", keyed.replace("[1,1]", "[5,5]"));
    assertThat(k2.status()).as(k2.body()).isEqualTo(422);
    assertThat(k2.json().get("error").get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(k2.json().get("error").get("field").asString()).isEqualTo("idempotency_key");
    assertThat(k2.body()).doesNotContain("\"output\"");
    Reply k3 = http.execute("bob", "{ \"idempotency_key\": \"order-7\", \"inputs\": [1, 1], \"cid\": \"" + add.cidV1()
        + "\" }");
    assertThat(k3.status()).isEqualTo(200);
    assertThat(k3.body()).isEqualTo(k1.body());
    assertThat(k3.headers().firstValue("X-Idempotent-Replay")).hasValue("true");
    String keyedId = k1.json().get("request_id").asString();
    assertThat(payloadsOf(app, "wasm_exec_requested", keyedId)).hasSize(1);
    Reply otherUser = http.execute("carol", keyed.replace("[1,1]", "[5,5]"));
    assertThat(otherUser.json().get("output").asInt()).as("the key is the user's own").isEqualTo(10);
  }

  @Test
  void identicalRequestsArrivingTogetherExecuteOnceAndAllGetTheOneResult() throws Exception {
    String json = body(add.cidV1(), "[300,33]");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        replies.add(CompletableFuture.supplyAsync(() -> http.execute("dave", json), pool));
      }
      List<Reply> all = replies.stream().map(CompletableFuture::join).toList();
      assertThat(all).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
      assertThat(all).extracting(Reply::body).containsOnly(all.get(0).body());
      String requestId = all.get(0).json().get("request_id").asString();
      assertThat(all.get(0).json().get("output").asInt()).isEqualTo(333);
      assertThat(payloadsOf(app, "wasm_exec_completed", requestId)).hasSize(1);
      assertThat(payloadsOf(app, "wasm_exec_requested", requestId)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theRateLimitRefusesTheRequestPastTheBudgetWithRetryAfter() {
    double limited = counter("relay.execute_wasm.rate_limited");
    for (int i = 0; i < 3; i++) {
      // Invalid bodies still use the budget: the rate limit comes first in the pipeline.
      assertThat(http.execute("limited", "{\"nope\":1}").status()).isEqualTo(400);
    }
    Reply refused = http.execute("limited", body(add.cidV1(), "[1,2]"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    long retryAfter = refused.json().get("retry_after").asLong();
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(retryAfter));
    assertThat(refused.json().at("/error/code").asString()).isEqualTo("RATE_LIMITED");
    assertThat(refused.json().get("success").asBoolean()).isFalse();
    assertThat(counter("relay.execute_wasm.rate_limited")).isEqualTo(limited + 1);
  }

  @Test
  void aUserAtItsConcurrencyLimitGets429UntilAnExecutionFinishes() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Reply accepted = http.execute("busy", slowLoop(400_000_000L + i));
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
      ids.add(accepted.json().get("request_id").asString());
    }
    Reply third = http.execute("busy", slowLoop(400_000_002L));
    assertThat(third.status()).as(third.toString()).isEqualTo(429);
    assertThat(third.json().at("/error/code").asString()).isEqualTo("CONCURRENCY_LIMITED");
    assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
    // Refused before it was queued: nothing was claimed, so the same request is accepted once a slot is free.
    await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id ->
        http.get("/intent/execute-wasm/" + id, "busy").json().path("status").asString("").equals("completed")));
    assertThat(http.execute("busy", slowLoop(400_000_002L)).status()).isEqualTo(202);
    // Other users are not held back meanwhile.
    assertThat(http.execute("lena", body(add.cidV1(), "[4,4]")).status()).isEqualTo(200);
  }

  @Test
  void aKeyInFlightForOneRequestRefusesAnotherAndServesItsOwnRepeat() {
    String slow = slowLoop(300_000_000L).replace("\"mode\"", "\"idempotency_key\":\"job-42\",\"mode\"");
    Reply accepted = http.execute("omar", slow);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String requestId = accepted.json().get("request_id").asString();
    // While it runs (or after it ran: the answer is the same), another body with the key is refused at once.
    Reply other = http.execute("omar", slowLoop(300_000_001L).replace("\"mode\"", "\"idempotency_key\":\"job-42\",\"mode\""));
    assertThat(other.status()).as(other.body()).isEqualTo(422);
    assertThat(other.json().get("error").get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    Reply repeat = http.execute("omar", slow);
    assertThat(repeat.status()).isIn(200, 202);
    assertThat(repeat.json().get("request_id").asString()).isEqualTo(requestId);
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/intent/execute-wasm/" + requestId, "omar").json()
        .path("status").asString("").equals("completed"));
    assertThat(payloadsOf(app, "wasm_exec_requested", requestId)).hasSize(1);
  }

  private static String slowLoop(long n) {
    return "{\"cid\":\"" + loop.cidV1() + "\",\"inputs\":[" + n + "],\"mode\":\"async\","
        + "\"policy\":{\"max_gas\":10000000000,\"max_time\":10000}}";
  }

  @Test
  void invalidRequestsAreRefusedWithTheFieldAndTheServiceKeepsServing() {
    double invalid = counter("relay.execute_wasm.invalid_request");
    Reply unknown = http.execute("erin", "{\"cid\":\"" + add.cidV1() + "\",\"inputz\":[1]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/error/code").asString()).isEqualTo("INVALID_REQUEST");
    assertThat(unknown.json().at("/error/field").asString()).isEqualTo("inputz");
    Reply tooMuch = http.execute("erin", "{\"cid\":\"" + add.cidV1() + "\",\"policy\":{\"max_time\":30001}}");
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().at("/error/field").asString()).isEqualTo("policy.max_time");
    Reply badCid = http.execute("erin", "{\"cid\":\"ipfs://nothing\"}");
    assertThat(badCid.json().at("/error/field").asString()).isEqualTo("cid");
    assertThat(counter("relay.execute_wasm.invalid_request")).isEqualTo(invalid + 3);

    Reply text = http.post("/intent/execute-wasm", "erin", "text/plain", body(add.cidV1(), "[1,2]"));
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().at("/error/code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

    String atLimit = padTo(body(add.cidV1(), "[7,8]"), 4096);
    Reply edge = http.execute("erin", atLimit);
    assertThat(edge.status()).as(edge.toString()).isEqualTo(200);
    assertThat(edge.json().get("output").asInt()).isEqualTo(15);
    Reply past = http.execute("erin", padTo(body(add.cidV1(), "[7,8]"), 4097));
    assertThat(past.status()).isEqualTo(413);
    assertThat(past.json().at("/error/code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");

    assertThat(http.execute("erin", body(add.cidV1(), "[1,1]")).status()).isEqualTo(200);
  }

  private static String padTo(String json, int bytes) {
    return json.substring(0, json.length() - 1) + " ".repeat(bytes - json.length()) + "}";
  }

  @Test
  void aDeniedUserGets403WithTheReason() {
    double denied = counter("relay.execute_wasm.permission_denied");
    Reply reply = http.execute("mallory", body(add.cidV1(), "[1,2]"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.json().at("/error/code").asString()).isEqualTo("PERMISSION_DENIED");
    assertThat(reply.json().at("/error/reason").asString()).isNotBlank();
    assertThat(counter("relay.execute_wasm.permission_denied")).isEqualTo(denied + 1);
    // Nothing was claimed: the same request by mallory is refused again, not replayed as a success.
    assertThat(http.execute("mallory", body(add.cidV1(), "[1,2]")).status()).isEqualTo(403);
  }

  @Test
  void anUnknownModuleIs404WithWhatWasTried() {
    String missing = "bafkreibhmtmv24yn2zu7udv53bwwvgrylzhbep2e52p72tly7wjiufzpom";
    Reply reply = http.execute("frank", body(missing, "[1,2]"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
    assertThat(reply.json().at("/error/code").asString()).isEqualTo("MODULE_NOT_FOUND");
    assertThat(reply.json().at("/error/tried").toString()).contains("module store").contains("index request");
    Reply glyph = http.execute("frank", body("glyph://nobody@1.0.0", "[1,2]"));
    assertThat(glyph.status()).isEqualTo(404);
    assertThat(glyph.json().at("/error/tried").toString()).contains("name registry");
  }

  @Test
  void aRegisteredNameRunsLikeItsCid() {
    Reply registered = http.post("/names", "gina", "application/json",
        "{\"name\":\"adder\",\"version\":\"1.0.0\",\"cid\":\"" + add.cidV1() + "\"}");
    assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
    Reply reply = http.execute("gina", body("glyph://adder@1.0.0", "[2,3]"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("output").asInt()).isEqualTo(5);
    assertThat(http.execute("gina", body("glyph://adder@latest", "[3,3]")).json().get("output").asInt())
        .isEqualTo(6);
  }

  @Test
  void asyncRequestsAnswer202AndTheirResultIsReadByRequestId() {
    Reply accepted = http.execute("hana", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[100,1],\"mode\":\"async\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().get("request_id").asString();
    assertThat(accepted.json().get("status_url").asString()).isEqualTo("/intent/execute-wasm/" + id);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        http.get("/intent/execute-wasm/" + id, "hana").json().path("status").asString("").equals("completed"));
    JsonNode status = http.get("/intent/execute-wasm/" + id, "hana").json();
    assertThat(status.at("/result/output").asInt()).isEqualTo(101);
    assertThat(status.at("/result/success").asBoolean()).isTrue();
    // Other users do not see it; unknown and malformed ids are refused.
    assertThat(http.get("/intent/execute-wasm/" + id, "ivan").status()).isEqualTo(404);
    assertThat(http.get("/intent/execute-wasm/" + "0".repeat(64), "hana").status()).isEqualTo(404);
    Reply malformed = http.get("/intent/execute-wasm/XYZ", "hana");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/error/field").asString()).isEqualTo("request_id");
    // The same request sent synchronously afterwards is the same execution, replayed.
    Reply sync = http.execute("hana", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[100,1]}");
    assertThat(sync.json().get("request_id").asString()).isEqualTo(id);
    assertThat(sync.headers().firstValue("X-Idempotent-Replay")).hasValue("true");
  }

  @Test
  void aFailingGuestIs422WithItsErrorCodeGasAndDuration() {
    double errors = counter("relay.execute_wasm.error");
    Reply trapped = http.execute("jon", body(trap.cidV1(), "[]"));
    assertThat(trapped.status()).as(trapped.toString()).isEqualTo(422);
    assertThat(trapped.json().get("success").asBoolean()).isFalse();
    assertThat(trapped.json().at("/error/code").asString()).isEqualTo("TRAP");
    assertThat(trapped.json().get("output").isNull()).isTrue();
    assertThat(trapped.json().has("gas_used")).isTrue();
    Reply wrongArgs = http.execute("jon", body(add.cidV1(), "[1]"));
    assertThat(wrongArgs.status()).isEqualTo(422);
    assertThat(wrongArgs.json().at("/error/code").asString()).isEqualTo("INVALID_INPUT");
    assertThat(counter("relay.execute_wasm.error")).isEqualTo(errors + 2);
  }

  @Test
  void aGuestFailingInsideAHostCallIs422WithItsOwnCodeAfterOneDelivery() {
    // main(mode) calls host.rpc_call; the host re-enters the guest's alloc, which traps, loops or burns gas.
    StoredModule alloc = store(app, "hostile-rpc-alloc.wasm");
    assertGuestFailure(alloc, 1, "{\"max_gas\":1000000,\"max_time\":5000}", "TRAP");
    assertGuestFailure(alloc, 2, "{\"max_gas\":10000000000,\"max_time\":300}", "TIMEOUT");
    assertGuestFailure(alloc, 3, "{\"max_gas\":1000000,\"max_time\":5000}", "OUT_OF_GAS");
    Reply fine = http.execute("erin", "{\"cid\":\"" + alloc.cidV1() + "\",\"inputs\":[0]," + POLICY + "}");
    assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
  }

  private static void assertGuestFailure(StoredModule module, int mode, String policy, String code) {
    Reply reply = http.execute("erin", "{\"cid\":\"" + module.cidV1() + "\",\"inputs\":[" + mode + "],\"policy\":"
        + policy + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.json().at("/error/code").asString()).isEqualTo(code);
    assertThat(reply.json().at("/error/message").asString()).as("a message for people")
        .doesNotContain("Exception", "java.", "io.wasmhive", "wasmtime");
    List<String> events = eventTypes(app, reply.json().get("request_id").asString());
    assertThat(events).as("executed on the first delivery, never redelivered").containsOnlyOnce("execution_started")
        .endsWith("execution_error");
  }

  @Test
  void healthIsTheSeedsShapeAndTrueToTheConfiguration() {
    JsonNode health = http.get("/intent/execute-wasm/health", null).json();
    assertThat(health.get("status").asString()).isEqualTo("healthy");
    for (String feature : List.of("idempotency", "rate_limiting", "antigone_integration", "sse_events",
        "tmpbus_events")) {
      assertThat(health.at("/features/" + feature).asBoolean()).as(feature).isTrue();
    }
    assertThat(health.at("/limits/rate_limit").asLong()).isEqualTo(1000);
    assertThat(health.at("/limits/rate_window").asLong()).isEqualTo(60_000);
    assertThat(health.at("/limits/idempotency_ttl").asLong()).isEqualTo(300_000);
    assertThat(health.at("/limits/max_body_bytes").asLong()).isEqualTo(4096);
  }

  @Test
  void theSeedsMetricsAreExportedForPrometheus() {
    http.execute("kim", body(add.cidV1(), "[9,9]"));
    String scrape = new RelayHttp(app.getEnvironment().getProperty("local.management.port", Integer.class))
        .get("/actuator/prometheus", null).body();
    for (String metric : List.of("relay_execute_wasm_success_total", "relay_execute_wasm_error_total",
        "relay_execute_wasm_invalid_request_total", "relay_execute_wasm_rate_limited_total",
        "relay_execute_wasm_permission_denied_total", "relay_execute_wasm_idempotent_hit_total",
        "relay_execute_wasm_duration_seconds_bucket", "relay_execute_wasm_gas_used_bucket")) {
      assertThat(scrape).as(metric).contains(metric);
    }
    // Everything the Grafana dashboard and the alert rules (ops/) query of the relay, its executor pool and Redis.
    OperationsQueries.assertExported(scrape, "relay_", "wasm_executor_", "wasmhive_redis_");
    assertThat(scrape).contains("wasm_executor_tasks_total{outcome=\"completed\"}");
  }

  /** Hostile requests to every endpoint in local mode (docs/fuzzing-http.md): no 5xx, every error shaped. */
  @Test
  void hostileRequestsInLocalModeGetNoServerErrorAndOnlyShapedErrors() {
    var report = RelayFuzz.fuzzer(app, add.cidV1(), 4096).requests(120)
        .afterwards(FuzzRequest.of("GET", "/names"), 200).run();
    assertThat(report.statuses()).containsKey(400);
  }
}
