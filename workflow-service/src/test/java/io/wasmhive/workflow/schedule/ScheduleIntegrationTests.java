package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Workflows scheduled by what they declare, over real HTTP, against the embedded MongoDB and Redis, the runs started
 * through the run service and its stream: {@code count} and {@code interval}, {@code validUntil} in the past, a
 * {@code time} trigger, pause, resume and cancel with their conflicts, and what is not scheduled.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"workflow.schedule.tick=100ms", "workflow.schedule.lease=2s",
    // A context of its own beside the other test classes' (cached) ones: its own embedded stores.
    "wasmhive.data-dir=target/it-data/schedule"})
class ScheduleIntegrationTests {

  private static final Duration QUIET = Duration.ofMillis(2500);

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  private ScheduleApi api;

  @BeforeEach
  void client() {
    api = new ScheduleApi("http://127.0.0.1:" + port, mongo);
  }

  @Test
  void countThreeWithAOneSecondIntervalRunsEveryJobExactlyThreeTimesThenStops() {
    String id = api.submit(ScheduleApi.workflow("", ",\"count\":3,\"interval\":1", 2));

    await().atMost(Duration.ofSeconds(15)).until(() -> api.schedule(id).get("state").stringValue(),
        "finished"::equals);
    JsonNode schedule = api.schedule(id);
    assertThat(schedule.get("runs").longValue()).isEqualTo(3);
    assertThat(schedule.get("count").longValue()).isEqualTo(3);
    assertThat(schedule.get("next").isNull()).isTrue();
    assertThat(schedule.get("scheduled")).containsExactly(tools.jackson.databind.node.StringNode.valueOf("interval"));
    // Two jobs, three firings: six runs, and no more however long one waits.
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 6);
    List<Instant> started = startsOfJob(id, "job-1");
    assertThat(started).hasSize(3);
    for (int i = 1; i < started.size(); i++) {
      // The interval is kept between firings; the runs are created a moment after their firing.
      assertThat(Duration.between(started.get(i - 1), started.get(i))).isGreaterThan(Duration.ofMillis(900));
    }
  }

  @Test
  void aValidUntilInThePastSchedulesNothing() {
    long past = Instant.now().getEpochSecond() - 1;
    String id = api.submit(ScheduleApi.workflow("{\"type\":\"cron\",\"params\":{\"schedule\":\"* * * * *\"}}",
        ",\"validUntil\":" + past, 1));
    String interval = api.submit(ScheduleApi.workflow("", ",\"interval\":1,\"validUntil\":" + past, 1));

    for (String workflow : List.of(id, interval)) {
      JsonNode schedule = api.schedule(workflow);
      assertThat(schedule.get("state").stringValue()).isEqualTo("finished");
      assertThat(schedule.get("runs").longValue()).isZero();
      assertThat(schedule.get("reason").stringValue()).isEqualTo("no run is due before validUntil");
    }
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) + api.runs(interval) == 0);
  }

  @Test
  void validUntilEndsASchedulePartWayThrough() {
    long until = Instant.now().getEpochSecond() + 4;
    String id = api.submit(ScheduleApi.workflow("", ",\"interval\":1,\"validUntil\":" + until, 1));

    await().atMost(Duration.ofSeconds(15)).until(() -> api.schedule(id).get("state").stringValue(),
        "finished"::equals);
    long runs = api.schedule(id).get("runs").longValue();
    // Every second from submission until the whole second `until` (3 to 4 s later, excluded): 3 or 4 firings, one
    // fewer when a loaded machine delays a firing (the interval counts from each firing's real start).
    assertThat(runs).isBetween(2L, 4L);
    assertThat(api.runs(id)).isEqualTo(runs);
    assertThat(api.schedule(id).get("lastRun").stringValue()).satisfies(
        last -> assertThat(Instant.parse(last)).isBefore(Instant.ofEpochSecond(until)));
  }

  @Test
  void aTimeTriggerFiresOnceAtItsTime() {
    long at = Instant.now().getEpochSecond() + 5;
    String id = api.submit(ScheduleApi.workflow("{\"type\":\"time\",\"params\":{\"timestamp\":" + at + "}}", "", 1));
    assertThat(api.schedule(id).get("next").stringValue()).isEqualTo(Instant.ofEpochSecond(at).toString());
    assertThat(api.runs(id)).isZero();

    await().atMost(Duration.ofSeconds(15)).until(() -> api.runs(id) == 1);
    assertThat(Instant.now()).isAfterOrEqualTo(Instant.ofEpochSecond(at));
    await().atMost(Duration.ofSeconds(5)).until(() -> api.schedule(id).get("state").stringValue(),
        "finished"::equals);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == 1);
  }

  @Test
  void pauseStopsRunsResumeContinuesThemAndCancelEndsThem() {
    String id = api.submit(ScheduleApi.workflow("", ",\"interval\":1", 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) >= 1);

    HttpResponse<String> paused = api.post("/workflows/" + id + "/pause", "");
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(ScheduleApi.json(paused).get("state").stringValue()).isEqualTo("paused");
    long whilePaused = api.runs(id);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == whilePaused);
    assertConflict(api.post("/workflows/" + id + "/pause", ""), id + " cannot pause: its schedule is paused",
        "paused");

    HttpResponse<String> resumed = api.post("/workflows/" + id + "/resume", "");
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    assertThat(ScheduleApi.json(resumed).get("state").stringValue()).isEqualTo("active");
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(id) >= whilePaused + 2);
    assertConflict(api.post("/workflows/" + id + "/resume", ""), id + " cannot resume: its schedule is active",
        "active");

    HttpResponse<String> cancelled = api.post("/workflows/" + id + "/cancel", "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(ScheduleApi.json(cancelled).get("state").stringValue()).isEqualTo("cancelled");
    assertThat(ScheduleApi.json(cancelled).get("next").isNull()).isTrue();
    long atCancel = api.runs(id);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> api.runs(id) == atCancel);
    assertThat(api.schedule(id).get("runs").longValue()).isEqualTo(atCancel);
    for (String action : List.of("pause", "resume", "cancel")) {
      assertConflict(api.post("/workflows/" + id + "/" + action, ""),
          id + " cannot " + action + ": its schedule is cancelled", "cancelled");
    }
  }

  @Test
  void aPausedScheduleCanBeCancelledAndAFinishedOneChangesNoMore() {
    String paused = api.submit(ScheduleApi.workflow("{\"type\":\"cron\",\"params\":{\"schedule\":\"0 0 1 1 *\"}}",
        "", 1));
    assertThat(api.post("/workflows/" + paused + "/pause", "").statusCode()).isEqualTo(200);
    HttpResponse<String> cancelled = api.post("/workflows/" + paused + "/cancel", "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(ScheduleApi.json(cancelled).get("state").stringValue()).isEqualTo("cancelled");

    String finished = api.submit(ScheduleApi.workflow("", ",\"interval\":1,\"validUntil\":1", 1));
    for (String action : List.of("pause", "resume", "cancel")) {
      assertConflict(api.post("/workflows/" + finished + "/" + action, ""),
          finished + " cannot " + action + ": its schedule is finished", "finished");
    }
  }

  @Test
  void aCronScheduleIsDueOnItsNextMinuteAndEventTriggersAreListedAsScheduled() {
    String id = api.submit(ScheduleApi.workflow("{\"type\":\"cron\",\"params\":{\"schedule\":\"*/5 * * * *\"}},"
        + "{\"type\":\"event\",\"params\":{\"signature\":\"Transfer(address,address,uint256)\",\"contractAddress\":\""
        + ScheduleApi.OWNER + "\",\"chainId\":31337}}", ",\"count\":3", 1));

    JsonNode schedule = api.schedule(id);
    assertThat(schedule.get("state").stringValue()).isEqualTo("active");
    Instant next = Instant.parse(schedule.get("next").stringValue());
    assertThat(next.getEpochSecond() % 300).isZero();
    assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(301));
    assertThat(schedule.get("scheduled").toString()).isEqualTo("[\"cron\",\"event\"]");
    assertThat(schedule.get("notScheduled").toString()).isEqualTo("[]");
    assertThat(schedule.get("watches").get(0).get("trigger").intValue()).isEqualTo(1);
    assertThat(schedule.get("runs").longValue()).isZero();
  }

  @Test
  void aWorkflowWithoutTimeHasNoScheduleAndUnknownWorkflowsAreNotFound() {
    String eventOnly = api.submit(ScheduleApi.workflow("", ",\"count\":3", 1));
    for (String path : List.of("/schedule", "/pause", "/resume", "/cancel")) {
      HttpResponse<String> answer = path.equals("/schedule") ? api.get("/workflows/" + eventOnly + path)
          : api.post("/workflows/" + eventOnly + path, "");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
      JsonNode error = ScheduleApi.json(answer).get("error");
      assertThat(error.get("code").stringValue()).isEqualTo("SCHEDULE_CONFLICT");
      assertThat(error.get("message").stringValue()).isEqualTo("workflow " + eventOnly + " has no schedule: it has "
          + "no cron, time, event or onchain trigger, and no interval without triggers");
      assertThat(error.get("details").toString()).isEqualTo("{\"state\":\"unscheduled\",\"triggers\":[]}");

      HttpResponse<String> unknown = path.equals("/schedule") ? api.get("/workflows/nope" + path)
          : api.post("/workflows/nope" + path, "");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(ScheduleApi.json(unknown).get("error").get("code").stringValue()).isEqualTo("NOT_FOUND");
      assertThat(ScheduleApi.json(unknown).get("error").get("message").stringValue())
          .isEqualTo("workflow nope does not exist");
    }
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> api.runs(eventOnly) == 0);
  }

  @Test
  void aCronScheduleThatDoesNotParseIsKeptAsInvalidWithItsReason() {
    String id = api.submit(ScheduleApi.workflow("{\"type\":\"cron\",\"params\":{\"schedule\":\"*/5 * * * * *\"}}",
        "", 1));

    JsonNode schedule = api.schedule(id);
    assertThat(schedule.get("state").stringValue()).isEqualTo("invalid");
    assertThat(schedule.get("reason").stringValue()).isEqualTo("cron schedule \"*/5 * * * * *\" must have 5 fields "
        + "(minute hour day-of-month month day-of-week)");
    assertConflict(api.post("/workflows/" + id + "/resume", ""), id + " cannot resume: its schedule is invalid",
        "invalid");
  }

  @Test
  void timesPastTheYear10000AreAcceptedAndSaturate() {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md, finding 16): this body answered 500.
    String id = api.submit(ScheduleApi.workflow(
        "{\"type\":\"time\",\"params\":{\"timestamp\":1.7976931348623157E308}}", "", 1));
    JsonNode schedule = api.schedule(id);
    assertThat(schedule.get("state").stringValue()).isEqualTo("active");
    assertThat(schedule.get("next").stringValue()).isEqualTo("+10000-01-01T00:00:00Z");
    // interval, validUntil and validAfter at the largest 64-bit integer: the first run at once, the next one due
    // no sooner than the year 10000 — where validUntil is — so the schedule is finished; validAfter is never passed.
    String once = api.submit(ScheduleApi.workflow("", ",\"interval\":" + Long.MAX_VALUE + ",\"validUntil\":"
        + Long.MAX_VALUE, 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> api.runs(once) == 1
        && api.schedule(once).get("state").stringValue().equals("finished"));
    assertThat(api.schedule(once).get("next").isNull()).isTrue();
    String never = api.submit(ScheduleApi.workflow("", ",\"interval\":1,\"validAfter\":" + Long.MAX_VALUE, 1));
    assertThat(api.schedule(never).get("next").stringValue()).isEqualTo("+10000-01-01T00:00:00Z");
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> api.runs(never) == 0);
  }

  private static void assertConflict(HttpResponse<String> answer, String messageEnd, String state) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    JsonNode error = ScheduleApi.json(answer).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo("SCHEDULE_CONFLICT");
    assertThat(error.get("message").stringValue()).isEqualTo("workflow " + messageEnd);
    assertThat(error.get("details").get("state").stringValue()).isEqualTo(state);
  }

  private List<Instant> startsOfJob(String workflowId, String jobId) {
    return mongo.getCollection("workflow_runs").find(new Document("workflowId", workflowId).append("jobId", jobId))
        .map(doc -> doc.getDate("createdAt").toInstant()).into(new java.util.ArrayList<>()).stream().sorted()
        .toList();
  }
}
