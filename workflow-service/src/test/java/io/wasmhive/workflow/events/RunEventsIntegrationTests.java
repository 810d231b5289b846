package io.wasmhive.workflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.StreamIds;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.events.contract.WorkflowRunEvent;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.platform.testing.OperationsQueries;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.chain.TestChain;
import io.wasmhive.workflow.run.WorkflowRunRequested;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live run events over real HTTP SSE, against a real anvil and the runs driven through the Redis stream: the
 * events of a leader run in order with each step's result or error, a reconnect mid-run that gets exactly what it
 * missed, the history of a finished run, the refusals in the API's error shape, the subscriber limit at and past its
 * edge, the replay bound, and the {@code workflow_run_*} meters.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"workflow.schedule.enabled=false", "workflow.events.max-connections=3",
    "workflow.events.max-replay=200", "workflow.events.heartbeat=200ms", "workflow.events.max-result-bytes=4096"})
class RunEventsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000);
  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(SUPPLY.longValue());

  @LocalServerPort
  int port;

  @LocalManagementPort
  int managementPort;

  @Autowired
  ModuleStore modules;

  @Autowired
  EventBus bus;

  @Autowired
  StringRedisTemplate redis;

  @Autowired
  SseChannel<RunEvent> channel;

  @DynamicPropertySource
  static void chainEndpoint(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "run-events");
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @BeforeEach
  void noSubscriberIsLeftFromAnotherTest() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (channel.connections() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(channel.connections()).isZero();
  }

  @Test
  void aLeaderRunsEventsComeInOrderWithEachStepsResultAndALateSubscriberGetsTheHistory() throws Exception {
    String workflow = create(workflow(TestChain.OWNER, wasmStep(store("wf-balance-rpc.wasm"), 2000), transfer("$wasm:balance")));
    List<SseTestClient.Frame> live;
    String runId;
    try (SseTestClient all = SseTestClient.subscribe(uri("/workflows/" + workflow + "/events"))) {
      JsonNode run = runToEnd(workflow);
      runId = run.get("id").stringValue();
      assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
      live = events(all, 6);
    }
    List<JsonNode> data = data(live);
    assertThat(data).extracting(e -> e.get("type").stringValue()).containsExactly(WorkflowRunEvent.RUN_STARTED,
        WorkflowRunEvent.STEP_STARTED, WorkflowRunEvent.STEP_FINISHED, WorkflowRunEvent.STEP_STARTED,
        WorkflowRunEvent.STEP_FINISHED, WorkflowRunEvent.RUN_FINISHED);
    assertThat(data).allSatisfy(e -> {
      assertThat(e.get("run_id").stringValue()).isEqualTo(runId);
      assertThat(e.get("workflow_id").stringValue()).isEqualTo(workflow);
      assertThat(e.get("job_id").stringValue()).isEqualTo("job-1");
      assertThat(e.get("mode").stringValue()).isEqualTo("leader");
      assertThat(e.get("attempt").intValue()).isEqualTo(1);
      assertThat(e.has("timestamp")).isTrue();
    });
    assertThat(data.get(1).get("step").intValue()).isZero();
    assertThat(data.get(1).get("step_type").stringValue()).isEqualTo("wasm");
    assertThat(data.get(1).get("wasm_id").stringValue()).isEqualTo("balance");
    assertThat(data.get(2).get("status").stringValue()).isEqualTo("succeeded");
    assertThat(data.get(2).get("result")).isEqualTo(JSON.readTree("{\"value\":\"" + SUPPLY + "\"}"));
    assertThat(data.get(2).get("duration_ms").longValue()).isNotNegative();
    assertThat(data.get(3).get("step").intValue()).isEqualTo(1);
    assertThat(data.get(4).get("step_type").stringValue()).isEqualTo("contract");
    assertThat(data.get(4).get("status").stringValue()).isEqualTo("succeeded");
    assertThat(data.get(4).get("result").get("success").booleanValue()).isTrue();
    assertThat(data.get(4).get("result").get("returnData").stringValue()).isEqualTo("0x" + "0".repeat(63) + "1");
    assertThat(data.get(5).get("status").stringValue()).isEqualTo("succeeded");
    assertThat(data.get(5).has("error")).isFalse();
    assertIncreasing(ids(live));

    // After the run: its history from the start, then the stream ends.
    try (SseTestClient late = SseTestClient.subscribe(uri("/runs/" + runId + "/events"))) {
      assertThat(ids(events(late, 6))).isEqualTo(ids(live));
      awaitEnded(late);
      assertThat(late.pending()).noneMatch(SseTestClient.Frame::isEvent);
    }
  }

  /** The test the issue names: SSE resume without gaps across a reconnect. */
  @Test
  void sseResumeWithoutGapsAcrossAReconnectAndAFailedStepsErrorInItsEvent() throws Exception {
    String workflow = create(workflow(TestChain.OWNER, wasmStep(store("wf-spin.wasm"), 3000), transfer("1")));
    String runId = JSON.readTree(post("/workflows/" + workflow + "/jobs/job-1/runs", "").body()).get("id").stringValue();
    List<SseTestClient.Frame> before;
    try (SseTestClient first = SseTestClient.subscribe(uri("/runs/" + runId + "/events"))) {
      before = events(first, 2);
    }
    assertThat(data(before)).extracting(e -> e.get("type").stringValue())
        .containsExactly(WorkflowRunEvent.RUN_STARTED, WorkflowRunEvent.STEP_STARTED);
    // The module spins until its 3 s limit: the run is still going when the client comes back.
    assertThat(JSON.readTree(get("/runs/" + runId).body()).get("status").stringValue()).isEqualTo("RUNNING");

    List<SseTestClient.Frame> after;
    try (SseTestClient again = SseTestClient.subscribe(uri("/runs/" + runId + "/events"),
        "Last-Event-ID", before.get(1).id())) {
      after = events(again, 2);
      awaitEnded(again);
      assertThat(again.pending()).noneMatch(SseTestClient.Frame::isEvent);
    }
    List<JsonNode> missed = data(after);
    assertThat(missed).extracting(e -> e.get("type").stringValue())
        .containsExactly(WorkflowRunEvent.STEP_FINISHED, WorkflowRunEvent.RUN_FINISHED);
    assertThat(missed.get(0).get("status").stringValue()).isEqualTo("failed");
    assertThat(missed.get(0).get("error").stringValue()).startsWith("WASM execution failed for step balance");
    assertThat(missed.get(0).has("result")).isFalse();
    assertThat(missed.get(1).get("status").stringValue()).isEqualTo("failed");
    assertThat(missed.get(1).get("error").stringValue()).isEqualTo(
        JSON.readTree(get("/runs/" + runId).body()).get("error").stringValue());

    // Exactly the events a client that never left sees: nothing missing, nothing twice.
    List<String> resumed = new ArrayList<>(ids(before));
    resumed.addAll(ids(after));
    try (SseTestClient whole = SseTestClient.subscribe(uri("/runs/" + runId + "/events"))) {
      assertThat(resumed).isEqualTo(ids(events(whole, 4)));
    }
    assertIncreasing(resumed);
  }

  @Test
  void aLargeStepResultIsLeftOutAndTheEventSaysTruncated() throws Exception {
    String workflow = create(workflow(TestChain.OWNER, transfer("1")));
    String runId;
    List<JsonNode> data;
    try (SseTestClient all = SseTestClient.subscribe(uri("/workflows/" + workflow + "/events"))) {
      runId = runToEnd(workflow).get("id").stringValue();
      data = data(events(all, 4));
    }
    // A contract step's result is its call (a few hundred bytes), under the 4096 bytes of this test.
    assertThat(data.get(2).has("truncated")).isFalse();
    assertThat(data.get(2).get("result").get("calldata").stringValue()).startsWith("0xa9059cbb");
    assertThat(data.get(3).get("run_id").stringValue()).isEqualTo(runId);
    // A WebAssembly result of 5000 bytes is over it.
    String big = create(workflow(TestChain.OWNER, wasmStep(store("wf-echo-stdin.wasm"), 2000, "x".repeat(5000))));
    try (SseTestClient all = SseTestClient.subscribe(uri("/workflows/" + big + "/events"))) {
      JsonNode run = runToEnd(big);
      List<JsonNode> bigEvents = data(events(all, 4));
      assertThat(bigEvents.get(2).get("type").stringValue()).isEqualTo(WorkflowRunEvent.STEP_FINISHED);
      assertThat(bigEvents.get(2).get("status").stringValue()).as(run.toString()).isEqualTo("succeeded");
      assertThat(bigEvents.get(2).has("result")).isFalse();
      assertThat(bigEvents.get(2).get("truncated").booleanValue()).isTrue();
    }
  }

  @Test
  void unknownRunsAndWorkflowsAreNotFoundAndAMalformedLastEventIdIsRefused() throws Exception {
    assertRefused(SseTestClient.open(uri("/runs/nope/events")), 404, "NOT_FOUND");
    assertRefused(SseTestClient.open(uri("/workflows/nope/events")), 404, "NOT_FOUND");
    String workflow = create(workflow(TestChain.OWNER, transfer("1")));
    assertRefused(SseTestClient.open(uri("/workflows/" + workflow + "/events"), "Last-Event-ID", "yesterday"), 400,
        "INVALID_LAST_EVENT_ID");
    assertRefused(SseTestClient.open(uri("/workflows/" + workflow + "/events?last_event_id=1-2-3")), 400,
        "INVALID_LAST_EVENT_ID");
    // Found by the HTTP fuzzer in CI (seed 3496819667265328836): the filter reads ?last_event_id=, Tomcat then parses
    // a multipart body, and a part's file name with a NUL in it made that a 500.
    String boundary = "b0undary";
    byte[] multipart = ("--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b\"\r\n\r\n"
        + "\u0000asm\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    for (String events : List.of("/runs/nope/events", "/workflows/" + workflow + "/events")) {
      HttpResponse<String> nul = send(HttpRequest.newBuilder(uri(events))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .method("GET", HttpRequest.BodyPublishers.ofByteArray(multipart)).build());
      assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
      assertThat(JSON.readTree(nul.body()).get("error").get("message").stringValue())
          .startsWith("the multipart body is not valid");
    }
    // The rest of the API is untouched by the endpoint's filter.
    assertThat(get("/workflows/" + workflow).statusCode()).isEqualTo(200);
    assertThat(get("/workflows/" + workflow + "/other").statusCode()).isEqualTo(404);
  }

  @Test
  void subscribersAreLimitedPerInstanceAtAndPastTheEdge() throws Exception {
    String workflow = create(workflow(TestChain.OWNER, transfer("1")));
    URI events = uri("/workflows/" + workflow + "/events");
    List<SseTestClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(SseTestClient.subscribe(events));
      }
      assertThat(channel.connections()).isEqualTo(3);
      try (SseTestClient refused = SseTestClient.open(events)) {
        assertRefused(refused, 503, "TOO_MANY_SUBSCRIBERS");
        assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("3");
      }
      open.remove(0).close();
      // The server notices the gone client at its next heartbeat (200 ms here) and frees its place.
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (channel.connections() != 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      open.add(SseTestClient.subscribe(events));
      assertThat(channel.connections()).isEqualTo(3);
    } finally {
      open.forEach(SseTestClient::close);
    }
  }

  @Test
  void aLastEventIdFarBehindGetsALostNoticeAndOnlyTheNewestEntriesNotTheWholeStream() throws Exception {
    String workflow = create(workflow(TestChain.OWNER, transfer("1")));
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      published.add(bus.publish(Streams.WORKFLOW_RUN_EVENTS, new WorkflowRunEvent(WorkflowRunEvent.RUN_STARTED,
          "bulk-" + i, workflow, "job-1", "leader", 1, null, null, null, null, null, null, null, null, null)));
    }
    List<String> newest = published.subList(50, 250);
    try (SseTestClient client = SseTestClient.subscribe(uri("/workflows/" + workflow + "/events"),
        "Last-Event-ID", "0")) {
      SseTestClient.Frame notice = client.nextEvent(WAIT);
      assertThat(notice.id()).isNull();
      JsonNode lost = JSON.readTree(notice.data());
      assertThat(lost.get("type").stringValue()).isEqualTo("events_lost");
      assertThat(lost.get("last_event_id").stringValue()).isEqualTo("0");
      assertThat(lost.get("first_available_id").stringValue()).isEqualTo(newest.get(0));
      List<String> replayed = ids(client.events(200, WAIT));
      assertThat(replayed).isEqualTo(newest);
      assertThat(client.pending()).noneMatch(SseTestClient.Frame::isEvent);
    }
  }

  /** Found by scripts/chaos.sh: a runner killed between writing a run's final state and announcing it. */
  @Test
  void aRunWhoseRunnerDiedBeforeAnnouncingItIsAnnouncedOnceByTheRedeliveryOfItsRequest() {
    String workflow = create(workflow(TestChain.OWNER, transfer("1")));
    JsonNode run = runToEnd(workflow);
    String runId = run.get("id").stringValue();
    await().atMost(WAIT).until(() -> finishedEvents(runId).size() == 1);
    // The window of a kill -9 after the final state was written: no run_finished, no marker, the request pending.
    finishedEvents(runId).forEach(e -> redis.opsForStream().delete(Streams.WORKFLOW_RUN_EVENTS, e.id()));
    redis.delete(RunEventPublisher.FINISHED_MARKER + runId);
    assertThat(finishedEvents(runId)).isEmpty();

    bus.publish(new WorkflowRunRequested(runId, Instant.now()));
    await().atMost(WAIT).until(() -> finishedEvents(runId).size() == 1);
    JsonNode announced = JSON.readTree(finishedEvents(runId).get(0).payload());
    assertThat(announced.get("status").stringValue()).isEqualTo("succeeded");
    assertThat(announced.get("attempt").intValue()).isEqualTo(1);
    assertThat(redis.getExpire(RunEventPublisher.FINISHED_MARKER + runId))
        .isBetween(RunEventPublisher.FINISHED_MARKER_TTL.toSeconds() - 60, RunEventPublisher.FINISHED_MARKER_TTL.toSeconds());

    // Any later redelivery announces nothing more.
    bus.publish(new WorkflowRunRequested(runId, Instant.now()));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> finishedEvents(runId).size() == 1);
  }

  private List<StreamEvent> finishedEvents(String runId) {
    return bus.readAfter(Streams.WORKFLOW_RUN_EVENTS, "0-0", 100_000).stream()
        .filter(e -> WorkflowRunEvent.RUN_FINISHED.equals(JSON.readTree(e.payload()).path("type").stringValue())
            && runId.equals(JSON.readTree(e.payload()).path("run_id").stringValue()))
        .toList();
  }

  @Test
  void theRunMetersChangeAfterARunAndCarryNoIds() throws Exception {
    String before = scrape();
    String workflow = create(workflow(TestChain.OWNER, transfer("1")));
    JsonNode run = runToEnd(workflow);
    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    String after = scrape();

    assertThat(metric(after, "workflow_run_started_total", "mode=\"leader\""))
        .isEqualTo(metric(before, "workflow_run_started_total", "mode=\"leader\"") + 1);
    assertThat(metric(after, "workflow_run_finished_total", "status=\"succeeded\""))
        .isEqualTo(metric(before, "workflow_run_finished_total", "status=\"succeeded\"") + 1);
    assertThat(metric(after, "workflow_run_duration_seconds_count", "status=\"succeeded\""))
        .isEqualTo(metric(before, "workflow_run_duration_seconds_count", "status=\"succeeded\"") + 1);
    assertThat(metric(after, "workflow_run_step_duration_seconds_count", "type=\"contract\""))
        .isEqualTo(metric(before, "workflow_run_step_duration_seconds_count", "type=\"contract\"") + 1);
    assertThat(after).contains("workflow_run_duration_seconds_bucket{");
    assertThat(metric(after, "workflow_run_active", "")).isZero();
    assertThat(metric(after, "workflow_run_sse_connections", "")).isZero();
    assertThat(metric(after, "workflow_run_sse_entries_read_total", ""))
        .isGreaterThan(metric(before, "workflow_run_sse_entries_read_total", ""));
    assertThat(after.lines().filter(line -> line.startsWith("workflow_run_")))
        .noneMatch(line -> line.contains(workflow) || line.contains(run.get("id").stringValue()));
    // Everything the Grafana dashboard and the alert rules (ops/) query of workflow runs and Redis.
    OperationsQueries.assertExported(after, "workflow_", "wasmhive_redis_");
  }

  private static void assertRefused(SseTestClient client, int status, String code) {
    try (client) {
      assertThat(client.status()).as(client.body()).isEqualTo(status);
      assertThat(client.response().headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      JsonNode error = JSON.readTree(client.body()).get("error");
      assertThat(error.get("code").stringValue()).isEqualTo(code);
      assertThat(error.get("message").stringValue()).isNotBlank();
    }
  }

  /** The next {@code n} run events, skipping notices (frames without an id). */
  private static List<SseTestClient.Frame> events(SseTestClient client, int n) throws InterruptedException {
    List<SseTestClient.Frame> events = new ArrayList<>();
    while (events.size() < n) {
      SseTestClient.Frame frame = client.nextEvent(WAIT);
      if (frame.id() != null) {
        events.add(frame);
      }
    }
    return events;
  }

  private static List<JsonNode> data(List<SseTestClient.Frame> frames) {
    return frames.stream().map(frame -> JSON.readTree(frame.data())).toList();
  }

  private static List<String> ids(List<SseTestClient.Frame> frames) {
    return frames.stream().map(SseTestClient.Frame::id).toList();
  }

  private static void assertIncreasing(List<String> ids) {
    for (int i = 1; i < ids.size(); i++) {
      assertThat(StreamIds.compare(ids.get(i - 1), ids.get(i))).as("%s before %s", ids.get(i - 1), ids.get(i))
          .isNegative();
    }
  }

  private static void awaitEnded(SseTestClient client) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!client.ended() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(client.ended()).as("the server ended the stream").isTrue();
  }

  /** The sum of a metric's samples whose labels contain {@code labels} (0 when there is none). */
  private static double metric(String scrape, String name, String labels) {
    return scrape.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> line.contains(labels))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String wasmStep(String wasmHash, int timeoutMs) {
    return wasmStep(wasmHash, timeoutMs, null);
  }

  private static String wasmStep(String wasmHash, int timeoutMs, String echo) {
    Map<String, Object> input = echo == null ? Map.of("token", TOKEN, "holder", TestChain.OWNER)
        : Map.of("text", echo);
    return "{\"target\":\"0x0000000000000000000000000000000000000000\",\"abi\":\"\",\"args\":[],\"value\":\"0\","
        + "\"type\":\"wasm\",\"wasmHash\":\"" + wasmHash + "\",\"wasmInput\":" + JSON.writeValueAsString(input)
        + ",\"wasmId\":\"balance\",\"wasmTimeoutMs\":" + timeoutMs + "}";
  }

  private static String transfer(String amount) {
    return "{\"target\":\"" + TOKEN + "\",\"abi\":\"transfer(address,uint256)\",\"args\":[\"" + TestChain.RECIPIENT
        + "\",\"" + amount + "\"],\"value\":\"0\",\"type\":\"contract\"}";
  }

  /** A workflow as the SDK serializes it, with one job of these steps and no schedule. */
  private static String workflow(String owner, String... steps) {
    return "{\"workflow\":{\"owner\":\"" + owner + "\",\"triggers\":[{\"type\":\"cron\",\"params\":{\"schedule\":\"0 0 1 1 *\"}}],"
        + "\"jobs\":[{\"id\":\"job-1\",\"chainId\":" + CHAIN.chainId() + ",\"steps\":[" + String.join(",", steps)
        + "],\"session\":\"eyJ" + "A".repeat(100) + "\"}]},"
        + "\"metadata\":{\"createdAt\":1767225600000,\"version\":\"1.0.0\"}}";
  }

  private JsonNode runToEnd(String workflow) {
    HttpResponse<String> run = post("/workflows/" + workflow + "/jobs/job-1/runs?wait=true", "");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return JSON.readTree(run.body());
  }

  private String create(String workflow) {
    HttpResponse<String> created = post("/workflows", workflow);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").stringValue();
  }

  private String store(String guest) {
    return modules.put(GuestCorpus.bytes(guest), ModuleOrigin.of("test")).sha256();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private String scrape() {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
        .GET().build()).body();
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
