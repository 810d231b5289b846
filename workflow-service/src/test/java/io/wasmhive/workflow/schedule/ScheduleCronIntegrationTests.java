package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A cron workflow with {@code count: 3} runs three times and stops, under a clock the test moves from one cron
 * minute to the next (the scheduler's clock; the service's own stores and runs keep real time), over real HTTP.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"workflow.schedule.tick=100ms", "workflow.schedule.lease=2s",
    "wasmhive.data-dir=target/it-data/schedule-cron"})
class ScheduleCronIntegrationTests {

  private static final Instant START = Instant.parse("2026-01-01T12:00:30Z");
  private static final Duration QUIET = Duration.ofMillis(1500);

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {

    @Bean
    SettableClock scheduleClock() {
      return new SettableClock(START);
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  Clock clock;

  @Test
  void aCronWorkflowWithCountThreeRunsOnThreeCronMinutesAndStops() {
    SettableClock time = (SettableClock) clock;
    time.set(START);
    ScheduleApi api = new ScheduleApi("http://127.0.0.1:" + port, mongo);
    String id = api.submit(ScheduleApi.workflow("{\"type\":\"cron\",\"params\":{\"schedule\":\"* * * * *\"}}",
        ",\"count\":3", 1));
    assertThat(api.schedule(id).get("next").stringValue()).isEqualTo("2026-01-01T12:01:00Z");
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 0);

    // A moment before the minute: still nothing; on it: the first run.
    time.set(Instant.parse("2026-01-01T12:00:59.999Z"));
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 0);
    time.set(Instant.parse("2026-01-01T12:01:00Z"));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) == 1);
    assertThat(api.schedule(id).get("next").stringValue()).isEqualTo("2026-01-01T12:02:00Z");
    assertThat(api.schedule(id).get("lastRun").stringValue()).isEqualTo("2026-01-01T12:01:00Z");

    // Late by half a minute: the run is made once, and the next is the following minute.
    time.set(Instant.parse("2026-01-01T12:02:30Z"));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) == 2);
    assertThat(api.schedule(id).get("next").stringValue()).isEqualTo("2026-01-01T12:03:00Z");

    time.set(Instant.parse("2026-01-01T12:03:00Z"));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.schedule(id).get("state").stringValue(),
        "finished"::equals);
    assertThat(api.schedule(id).get("runs").longValue()).isEqualTo(3);
    assertThat(api.schedule(id).get("next").isNull()).isTrue();

    time.set(Instant.parse("2026-01-01T12:10:00Z"));
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 3);
  }

  @Test
  void aTimeDueJustBeforeValidUntilFiresWhenReachedBeforeItAndNotAfter() {
    SettableClock time = (SettableClock) clock;
    ScheduleApi api = new ScheduleApi("http://127.0.0.1:" + port, mongo);
    Instant at = Instant.parse("2026-01-01T12:19:59Z");
    String members = ",\"validUntil\":" + at.plusSeconds(1).getEpochSecond();
    String trigger = "{\"type\":\"time\",\"params\":{\"timestamp\":" + at.getEpochSecond() + "}}";

    time.set(Instant.parse("2026-01-01T12:19:00Z"));
    String inTime = api.submit(ScheduleApi.workflow(trigger, members, 1));
    time.set(Instant.parse("2026-01-01T12:19:59.999Z"));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(inTime) == 1);
    assertThat(api.schedule(inTime).get("state").stringValue()).isEqualTo("finished");

    // The same, but the first tick to see it due comes at validUntil exactly: it ends instead of firing.
    time.set(Instant.parse("2026-01-01T12:19:00Z"));
    String late = api.submit(ScheduleApi.workflow(trigger, members, 1));
    assertThat(api.schedule(late).get("next").stringValue()).isEqualTo(at.toString());
    time.set(Instant.parse("2026-01-01T12:20:00Z"));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.schedule(late).get("state").stringValue(),
        "finished"::equals);
    assertThat(api.schedule(late).get("runs").longValue()).isZero();
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(late) == 0);

    // Resumed at validUntil: nothing is due before it any more.
    time.set(Instant.parse("2026-01-01T12:19:00Z"));
    String paused = api.submit(ScheduleApi.workflow(trigger, members, 1));
    assertThat(api.post("/workflows/" + paused + "/pause", "").statusCode()).isEqualTo(200);
    time.set(Instant.parse("2026-01-01T12:20:00Z"));
    assertThat(ScheduleApi.json(api.post("/workflows/" + paused + "/resume", "")).get("state").stringValue())
        .isEqualTo("finished");
    assertThat(api.runs(paused)).isZero();
  }
}
