package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.ServiceApps;
import io.wasmhive.workflow.WorkflowApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Several service instances on one Redis and one MongoDB: one ticker leads at a time, each scheduled run is started
 * once, the lease passes to another instance when the leader stops, and even two instances that both tick (each
 * under a lease key of its own) start each due run once.
 */
class ScheduleAcrossInstancesIntegrationTests {

  private static final List<String> DEFAULTS = List.of("WASM_INITIAL_WORKERS=1", "WASM_MAX_WORKERS=2",
      "workflow.schedule.tick=100ms", "workflow.schedule.lease=1s");
  private static final Duration QUIET = Duration.ofMillis(2500);

  @TempDir
  Path dir;

  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
  private ConfigurableApplicationContext stores;
  private ScheduleApi api;

  @BeforeEach
  void startStoresInstance() {
    // This instance owns the embedded stores and does not schedule; the others share its stores.
    stores = start("stores", "workflow.schedule.enabled=false");
    api = new ScheduleApi(ServiceApps.url(stores), stores.getBean(MongoTemplate.class));
  }

  @AfterEach
  void stopAll() {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
  }

  @Test
  void twoInstancesShareOneLeaseStartEachRunOnceAndHandOverWhenTheLeaderStops() {
    ConfigurableApplicationContext first = start("first");
    ConfigurableApplicationContext second = start("second");
    await().atMost(Duration.ofSeconds(10)).until(() -> leading(first) != leading(second));
    assertThat(stores.getBean(StringRedisTemplate.class).opsForValue().get("workflow:schedule:leader"))
        .isEqualTo(lease(leading(first) ? first : second).token());

    String counted = api.submit(ScheduleApi.workflow("", ",\"count\":5,\"interval\":1", 1));
    await().atMost(Duration.ofSeconds(20)).until(() -> api.schedule(counted).get("state").stringValue(),
        "finished"::equals);
    assertThat(api.schedule(counted).get("runs").longValue()).isEqualTo(5);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(counted) == 5);

    String endless = api.submit(ScheduleApi.workflow("", ",\"interval\":1", 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(endless) >= 2);
    ConfigurableApplicationContext leader = leading(first) ? first : second;
    ConfigurableApplicationContext follower = leader == first ? second : first;
    leader.close();
    long atHandover = api.runs(endless);
    await().atMost(Duration.ofSeconds(10)).until(() -> leading(follower));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(endless) >= atHandover + 2);

    var pausedAnswer = api.post("/workflows/" + endless + "/pause", "");
    assertThat(pausedAnswer.statusCode()).as(pausedAnswer.body()).isEqualTo(200);
    long paused = api.runs(endless);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(endless) == paused);
    // One job: every firing the schedule counted started exactly one run.
    assertThat(api.schedule(endless).get("runs").longValue()).isEqualTo(paused);
  }

  @Test
  void twoInstancesThatBothTickStillStartEachDueRunOnce() {
    ConfigurableApplicationContext first = start("first", "workflow.schedule.lease-key=test:leader:first");
    ConfigurableApplicationContext second = start("second", "workflow.schedule.lease-key=test:leader:second");
    await().atMost(Duration.ofSeconds(10)).until(() -> leading(first) && leading(second));

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(api.submit(ScheduleApi.workflow("", ",\"count\":4,\"interval\":1", 2)));
    }
    for (String id : ids) {
      await().atMost(Duration.ofSeconds(20)).until(() -> api.schedule(id).get("state").stringValue(),
          "finished"::equals);
    }
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> ids.stream().allMatch(id -> api.runs(id) == 8));
    for (String id : ids) {
      assertThat(api.schedule(id).get("runs").longValue()).isEqualTo(4);
    }
  }

  private ConfigurableApplicationContext start(String name, String... properties) {
    List<String> all = new ArrayList<>();
    if (stores != null) {
      all.addAll(List.of(ServiceApps.sharingStoresOf(stores)));
    }
    all.add("wasmhive.events.consumer-name=" + name);
    all.addAll(List.of(properties));
    ConfigurableApplicationContext app = ServiceApps.start(WorkflowApplication.class, dir.resolve(name), DEFAULTS,
        all.toArray(String[]::new));
    apps.add(app);
    return app;
  }

  private static boolean leading(ConfigurableApplicationContext app) {
    return app.isActive() && app.getBean(ScheduleTicker.class).leading();
  }

  private static LeaderLease lease(ConfigurableApplicationContext app) {
    return app.getBean(ScheduleTicker.class).lease();
  }
}
