package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.ServiceApps;
import io.wasmhive.workflow.WorkflowApplication;
import io.wasmhive.workflow.chain.TestChain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Workflows run by their {@code event} triggers, against a real anvil chain with the project's TestToken: once per
 * matching {@code Transfer} after the confirmation depth (2 here), never for another contract's, another event's or
 * a filtered-out log; the cursor survives a restart; {@code count} stops it; a pause defers logs and the resume
 * catches up; two instances that both watch start each log's run once; a chain without an endpoint or one that
 * fails is reported on the schedule.
 */
class EventTriggerIntegrationTests {

  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String OTHER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
  private static final String TRANSFER = "Transfer(address indexed from, address indexed to, uint256 value)";
  private static final Duration QUIET = Duration.ofMillis(2000);

  @TempDir
  Path dir;

  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
  private ConfigurableApplicationContext stores;
  private ScheduleApi api;
  private String token;

  @BeforeEach
  void startStoresInstance() {
    // This instance owns the embedded stores and neither schedules nor watches; the others share its stores.
    stores = start("stores", "workflow.schedule.enabled=false", "workflow.schedule.events.enabled=false");
    api = new ScheduleApi(ServiceApps.url(stores), stores.getBean(MongoTemplate.class));
    token = CHAIN.deployToken(1_000_000);
    // The deployment's own Transfer (the mint) is confirmed before any workflow watches the token.
    CHAIN.mine();
    CHAIN.mine();
  }

  @AfterEach
  void stopAll() {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
    apps.clear();
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @Test
  void eachMatchingTransferRunsTheWorkflowOnceAfterTheConfirmationsAndNothingElseDoes() {
    start("watcher");
    String otherToken = CHAIN.deployToken(1_000);
    String id = api.submit(ScheduleApi.workflow(event(token, TRANSFER, "{\"to\":\"" + TestChain.RECIPIENT + "\"}"),
        "", 1));
    String approvals = api.submit(ScheduleApi.workflow(event(token,
        "Approval(address indexed owner, address indexed spender, uint256 value)", null), "", 1));
    awaitWatching(id);
    awaitWatching(approvals);
    JsonNode schedule = api.schedule(id);
    assertThat(schedule.get("state").stringValue()).isEqualTo("active");
    assertThat(schedule.get("scheduled").toString()).isEqualTo("[\"event\"]");
    assertThat(schedule.get("next").isNull()).isTrue();

    transfer(token, OTHER, 5); // filtered out: another recipient
    transfer(otherToken, TestChain.RECIPIENT, 5); // another contract
    transfer(token, TestChain.RECIPIENT, 7); // the match, in the head block
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 0);
    CHAIN.mine();
    await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(() -> api.runs(id) == 0);
    CHAIN.mine(); // now two blocks follow the transfer's
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) == 1);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 1 && api.runs(approvals) == 0);
    assertThat(api.schedule(id).get("runs").longValue()).isEqualTo(1);
    assertThat(api.schedule(approvals).get("runs").longValue()).isZero();
    Document firing = stores.getBean(MongoTemplate.class).findOne(
        new org.springframework.data.mongodb.core.query.Query(), Document.class, TriggerFirings.COLLECTION);
    assertThat(firing).isNotNull();
    assertThat(firing.getString("_id")).startsWith(id + ":0:0x");
  }

  @Test
  void theCursorSurvivesARestartAPauseDefersLogsAndCountEndsIt() {
    ConfigurableApplicationContext first = start("first");
    String id = api.submit(ScheduleApi.workflow(event(token, "Transfer(address,address,uint256)", null),
        ",\"count\":3", 1));
    awaitWatching(id);
    confirmed(() -> transfer(token, OTHER, 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) == 1);

    HttpResponse<String> paused = api.post("/workflows/" + id + "/pause", "");
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    confirmed(() -> transfer(token, OTHER, 2));
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 1);

    // A restart: another instance takes over with the stored cursor; the first log does not run again.
    first.close();
    start("second");
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 1);
    HttpResponse<String> resumed = api.post("/workflows/" + id + "/resume", "");
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    // The log that arrived while paused is caught up.
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) == 2);

    confirmed(() -> {
      transfer(token, OTHER, 3);
      transfer(token, OTHER, 4);
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> api.schedule(id).get("state").stringValue(),
        "finished"::equals);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 3);
    assertThat(api.schedule(id).get("runs").longValue()).isEqualTo(3);
  }

  @Test
  void twoInstancesThatBothWatchStartEachLogsRunOnce() {
    start("first", "workflow.schedule.lease-key=test:events:first");
    start("second", "workflow.schedule.lease-key=test:events:second");
    String id = api.submit(ScheduleApi.workflow(event(token, TRANSFER, null), "", 2));
    awaitWatching(id);
    confirmed(() -> {
      for (int i = 1; i <= 4; i++) {
        transfer(token, OTHER, i);
      }
    });
    await().atMost(Duration.ofSeconds(15)).until(() -> api.runs(id) == 8);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 8);
    assertThat(api.schedule(id).get("runs").longValue()).isEqualTo(4);
  }

  @Test
  void aChainWithoutAnEndpointOrOneThatFailsIsReportedAndTheOthersAreStillWatched() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    start("watcher", "workflow.chain.endpoints.4343=http://127.0.0.1:" + closed);
    String unconfigured = api.submit(ScheduleApi.workflow(event(token, TRANSFER, null).replace(
        "\"chainId\":" + CHAIN.chainId(), "\"chainId\":4242"), "", 1));
    String failing = api.submit(ScheduleApi.workflow(event(token, TRANSFER, null).replace(
        "\"chainId\":" + CHAIN.chainId(), "\"chainId\":4343"), "", 1));
    String working = api.submit(ScheduleApi.workflow(event(token, TRANSFER, null), "", 1));

    await().atMost(Duration.ofSeconds(10)).until(() -> watch(unconfigured).get("state").stringValue(),
        "unavailable"::equals);
    assertThat(watch(unconfigured).get("reason").stringValue()).isEqualTo("no endpoint is configured for chain "
        + "4242 (RPC_URL_4242 or workflow.chain.endpoints.4242)");
    await().atMost(Duration.ofSeconds(10)).until(() -> watch(failing).get("state").stringValue(),
        "unavailable"::equals);
    assertThat(watch(failing).get("reason").stringValue()).matches("chain 4343 failed \\d+ time\\(s\\) in a row, "
        + "asked again after .*").contains("eth_blockNumber failed after 3 attempts");
    // Asked again with growing pauses (each failure is three attempts, retried within the call), not in a loop.
    await().atMost(Duration.ofSeconds(20)).until(() -> failures(watch(failing).get("reason").stringValue()) >= 3);
    assertThat(api.schedule(failing).get("state").stringValue()).isEqualTo("active");

    awaitWatching(working);
    confirmed(() -> transfer(token, OTHER, 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(working) == 1);
    assertThat(api.runs(unconfigured) + api.runs(failing)).isZero();
  }

  @Test
  void anOnchainConditionRunsTheWorkflowAtEachConfirmedBlockWhereItHoldsUpToCount() {
    start("watcher");
    String onchain = "{\"type\":\"onchain\",\"params\":{\"target\":\"" + token + "\",\"abi\":"
        + "\"balanceOf(address)\",\"args\":[\"" + OTHER + "\"],\"chainId\":" + CHAIN.chainId()
        + ",\"onchainCondition\":{\"condition\":\"GREATER_THAN\",\"value\":\"100\"}}}";
    String id = api.submit(ScheduleApi.workflow(onchain, ",\"count\":2", 1));
    String bad = api.submit(ScheduleApi.workflow(onchain.replace("GREATER_THAN", "ABOUT"), "", 1));
    awaitWatching(id);
    assertThat(api.schedule(id).get("scheduled").toString()).isEqualTo("[\"onchain\"]");
    CHAIN.mine();
    CHAIN.mine();
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 0);

    confirmed(() -> transfer(token, OTHER, 150)); // balanceOf(OTHER) = 150 > 100 from here on
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) >= 1);
    CHAIN.mine();
    CHAIN.mine();
    await().atMost(Duration.ofSeconds(10)).until(() -> api.schedule(id).get("state").stringValue(),
        "finished"::equals);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 2);
    assertThat(watch(bad).get("state").stringValue()).isEqualTo("invalid");
    assertThat(watch(bad).get("reason").stringValue()).contains("onchainCondition.condition \"ABOUT\" is not one of");
  }

  private static int failures(String reason) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("failed (\\d+) time").matcher(reason);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private String event(String contract, String signature, String filter) {
    return "{\"type\":\"event\",\"params\":{\"signature\":\"" + signature + "\",\"contractAddress\":\"" + contract
        + "\",\"chainId\":" + CHAIN.chainId() + (filter == null ? "" : ",\"filter\":" + filter) + "}}";
  }

  private JsonNode watch(String id) {
    return api.schedule(id).get("watches").get(0);
  }

  private void awaitWatching(String id) {
    await().atMost(Duration.ofSeconds(10)).until(() -> watch(id).get("state").stringValue(), "watching"::equals);
  }

  /** Does {@code sends} and mines the two blocks that confirm them. */
  private static void confirmed(Runnable sends) {
    sends.run();
    CHAIN.mine();
    CHAIN.mine();
  }

  private static void transfer(String contract, String to, long amount) {
    String data = "0xa9059cbb" + String.format("%064x", new java.math.BigInteger(to.substring(2), 16))
        + String.format("%064x", amount);
    JsonNode receipt = CHAIN.send(Map.of("from", TestChain.OWNER, "to", contract, "data", data, "gas", "0x100000"));
    assertThat(receipt.get("status").stringValue()).isEqualTo("0x1");
  }

  private ConfigurableApplicationContext start(String name, String... properties) {
    List<String> all = new ArrayList<>();
    if (stores != null) {
      all.addAll(List.of(ServiceApps.sharingStoresOf(stores)));
    }
    all.add("wasmhive.events.consumer-name=" + name);
    all.add("workflow.chain.endpoints." + CHAIN.chainId() + "=" + CHAIN.url());
    all.addAll(List.of(properties));
    ConfigurableApplicationContext app = ServiceApps.start(WorkflowApplication.class, dir.resolve(name),
        List.of("WASM_INITIAL_WORKERS=1", "WASM_MAX_WORKERS=2", "workflow.schedule.tick=100ms",
            "workflow.schedule.lease=1s", "workflow.schedule.events.poll-interval=100ms",
            "workflow.schedule.events.max-backoff=2s", "workflow.schedule.events.confirmations=2"),
        all.toArray(String[]::new));
    apps.add(app);
    return app;
  }
}
