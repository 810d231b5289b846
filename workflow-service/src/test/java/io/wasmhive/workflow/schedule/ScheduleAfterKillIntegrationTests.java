package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.ServiceApps;
import io.wasmhive.platform.testing.ServiceProcess;
import io.wasmhive.workflow.WorkflowApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The scheduling instance killed with SIGKILL (no shutdown hook, its lease left in Redis): after the lease runs out
 * another instance takes it over and the schedule goes on where it stood, each firing counted once, and the
 * workflow's count is kept.
 */
class ScheduleAfterKillIntegrationTests {

  private static final List<String> DEFAULTS = List.of("WASM_INITIAL_WORKERS=1", "WASM_MAX_WORKERS=2",
      "workflow.schedule.tick=100ms", "workflow.schedule.lease=2s");

  @TempDir
  Path dir;

  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

  @AfterEach
  void stopAll() {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
  }

  @Test
  void aKilledLeadersScheduleIsTakenOverAfterItsLeaseAndKeepsItsCount() throws Exception {
    // This instance owns the embedded stores and does not schedule; the others share its stores.
    ConfigurableApplicationContext stores = start("stores", "workflow.schedule.enabled=false");
    ScheduleApi api = new ScheduleApi(ServiceApps.url(stores), stores.getBean(MongoTemplate.class));
    StringRedisTemplate redis = stores.getBean(StringRedisTemplate.class);
    List<String> shared = new ArrayList<>(DEFAULTS);
    shared.addAll(List.of(ServiceApps.sharingStoresOf(stores)));

    String workflow;
    long firedBeforeKill;
    try (ServiceProcess doomed = ServiceProcess.start(WorkflowApplication.class, dir.resolve("doomed.log"),
        with(shared, "wasmhive.events.consumer-name=doomed", "wasmhive.data-dir=" + dir.resolve("doomed"))
            .toArray(String[]::new))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> redis.opsForValue().get("workflow:schedule:leader") != null);
      workflow = api.submit(ScheduleApi.workflow("", ",\"count\":6,\"interval\":1", 1));
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.schedule(workflow).get("runs").longValue() >= 2);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("the schedule " + api.schedule(workflow) + " did not fire twice; the leader's log: "
            + doomed.lastOutput(), e);
      }
      doomed.kill9();
      assertThat(doomed.alive()).isFalse();
      firedBeforeKill = api.schedule(workflow).get("runs").longValue();
    }
    assertThat(redis.opsForValue().get("workflow:schedule:leader")).as("a killed leader leaves its lease").isNotNull();
    assertThat(api.schedule(workflow).get("state").stringValue()).isEqualTo("active");

    ConfigurableApplicationContext rescuer = start("rescuer");
    await().atMost(Duration.ofSeconds(10)).until(() -> rescuer.getBean(ScheduleTicker.class).leading());
    await().atMost(Duration.ofSeconds(30)).until(() -> api.schedule(workflow).get("state").stringValue(),
        "finished"::equals);
    assertThat(firedBeforeKill).isBetween(2L, 5L);
    assertThat(api.schedule(workflow).get("runs").longValue()).isEqualTo(6);
    // Each counted firing started its run, unless the kill fell between a firing's record and its run's start
    // (ADR 0015: at most once); the window is milliseconds wide in a second.
    await().atMost(Duration.ofSeconds(5)).until(() -> api.runs(workflow) >= 5);
    assertThat(api.runs(workflow)).isBetween(5L, 6L);
  }

  private ConfigurableApplicationContext start(String name, String... properties) {
    List<String> all = new ArrayList<>();
    if (!apps.isEmpty()) {
      all.addAll(List.of(ServiceApps.sharingStoresOf(apps.get(0))));
    }
    all.add("wasmhive.events.consumer-name=" + name);
    all.addAll(List.of(properties));
    ConfigurableApplicationContext app = ServiceApps.start(WorkflowApplication.class, dir.resolve(name), DEFAULTS,
        all.toArray(String[]::new));
    apps.add(app);
    return app;
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
