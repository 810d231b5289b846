package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.workflow.sdk.Trigger;
import io.wasmhive.workflow.sdk.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Due times from what a workflow declares, each bound at and past its edge. */
class SchedulePlanTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String OWNER = "0x" + "1".repeat(40);
  /** 2026-01-01T12:00:30Z, a Thursday. */
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:30Z");

  @Test
  void aFiveFieldCronGivesItsNextTimeInUtcStrictlyAfterNow() {
    SchedulePlan plan = plan(List.of(cron("*/5 * * * *")), null, null, null, null);
    assertThat(plan.next(0, null, null, NOW)).contains(Instant.parse("2026-01-01T12:05:00Z"));
    // Exactly on a cron time: the next one, so a time that just fired is not due again.
    assertThat(plan.next(1, Instant.parse("2026-01-01T12:05:00Z"), Instant.parse("2026-01-01T12:05:00Z"),
        Instant.parse("2026-01-01T12:05:00Z"))).contains(Instant.parse("2026-01-01T12:10:00Z"));
    assertThat(plan(List.of(cron("30 9 * * 1")), null, null, null, null).next(0, null, null, NOW))
        .contains(Instant.parse("2026-01-05T09:30:00Z"));
  }

  @Test
  void cronTimesMissedWhileTheServiceWasAwayAreNotMadeUp() {
    SchedulePlan plan = plan(List.of(cron("* * * * *")), null, null, null, null);
    Instant late = Instant.parse("2026-01-01T12:17:42Z");
    assertThat(plan.next(1, Instant.parse("2026-01-01T12:01:00Z"), late, late))
        .contains(Instant.parse("2026-01-01T12:18:00Z"));
  }

  @Test
  void aCronScheduleMustHaveFiveFieldsThatParse() {
    assertThat(SchedulePlan.cron(" 0  0 1 1 * ").next(java.time.ZonedDateTime.parse("2026-06-01T00:00:00Z")))
        .isEqualTo(java.time.ZonedDateTime.parse("2027-01-01T00:00:00Z"));
    assertThatThrownBy(() -> SchedulePlan.cron("0 */5 * * * *")).hasMessage(
        "cron schedule \"0 */5 * * * *\" must have 5 fields (minute hour day-of-month month day-of-week)");
    assertThatThrownBy(() -> SchedulePlan.cron("* * * *")).hasMessageContaining("must have 5 fields");
    assertThatThrownBy(() -> SchedulePlan.cron("61 * * * *"))
        .hasMessageStartingWith("cron schedule \"61 * * * *\" does not parse: ");
    assertThatThrownBy(() -> SchedulePlan.of(workflow(List.of(cron("every minute please")), null, null, null,
        null))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countEndsTheScheduleAtItsEdge() {
    SchedulePlan plan = plan(List.of(), 3L, null, null, 1L);
    assertThat(plan.next(2, NOW, NOW, NOW)).contains(NOW.plusSeconds(1));
    assertThat(plan.next(3, NOW, NOW, NOW)).isEmpty();
    assertThat(plan.next(4, NOW, NOW, NOW)).isEmpty();
  }

  @Test
  void validUntilIsTheFirstInstantWithoutARun() {
    Instant due = Instant.parse("2026-01-01T12:01:00Z");
    List<Trigger> everyMinute = List.of(cron("* * * * *"));
    assertThat(plan(everyMinute, null, null, due.getEpochSecond() + 1, null).next(0, null, null, NOW))
        .contains(due);
    assertThat(plan(everyMinute, null, null, due.getEpochSecond(), null).next(0, null, null, NOW)).isEmpty();
    assertThat(plan(everyMinute, null, null, NOW.getEpochSecond() - 1, null).next(0, null, null, NOW)).isEmpty();
    // A time trigger already past is due at once, but not once validUntil is reached.
    Instant until = Instant.parse("2026-01-01T12:20:00Z");
    SchedulePlan once = plan(List.of(time(until.minusSeconds(1))), null, null, until.getEpochSecond(), null);
    assertThat(once.next(0, null, null, until.minusMillis(1))).contains(until.minusSeconds(1));
    assertThat(once.next(0, null, null, until)).isEmpty();
  }

  @Test
  void validAfterDelaysTheFirstRunToItAndNoFurther() {
    Instant after = Instant.parse("2026-01-01T13:00:00Z");
    assertThat(plan(List.of(cron("* * * * *")), null, after.getEpochSecond(), null, null).next(0, null, null, NOW))
        .contains(after);
    assertThat(plan(List.of(), null, after.getEpochSecond(), null, 60L).next(0, null, null, NOW)).contains(after);
    // Already past: an interval workflow is due at once.
    assertThat(plan(List.of(), null, NOW.getEpochSecond() - 10, null, 60L).next(0, null, null, NOW))
        .contains(NOW.minusSeconds(10));
  }

  @Test
  void intervalIsTheLeastTimeBetweenTwoRuns() {
    SchedulePlan everyMinuteAtLeastTwoApart = plan(List.of(cron("* * * * *")), null, null, null, 120L);
    Instant ran = Instant.parse("2026-01-01T12:01:00.250Z");
    assertThat(everyMinuteAtLeastTwoApart.next(1, Instant.parse("2026-01-01T12:01:00Z"), ran, ran))
        .contains(Instant.parse("2026-01-01T12:04:00Z"));
    SchedulePlan exactlyTwo = plan(List.of(cron("* * * * *")), null, null, null, 120L);
    Instant onTime = Instant.parse("2026-01-01T12:01:00Z");
    assertThat(exactlyTwo.next(1, onTime, onTime, onTime)).contains(Instant.parse("2026-01-01T12:03:00Z"));
    assertThat(plan(List.of(), null, null, null, 5L).next(1, NOW, NOW, NOW)).contains(NOW.plusSeconds(5));
  }

  @Test
  void aTimeTriggerFiresOnceEvenWhenItHasPassed() {
    Instant at = Instant.parse("2026-01-01T12:10:00Z");
    SchedulePlan plan = plan(List.of(time(at), time(NOW.minusSeconds(60))), null, null, null, null);
    assertThat(plan.next(0, null, null, NOW)).contains(NOW.minusSeconds(60));
    assertThat(plan.next(1, NOW.minusSeconds(60), NOW, NOW)).contains(at);
    assertThat(plan.next(2, at, at, at.plusMillis(3))).isEmpty();
  }

  @Test
  void timesPastWhatAnInstantHoldsSaturateAtTheYear10000() {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md, finding 16): a time trigger at 1.7976931348623157E308 made
    // POST /workflows answer 500; the SDK's schema allows any positive number there and any 64-bit integer in
    // validAfter, validUntil and interval.
    Instant end = Instant.parse("+10000-01-01T00:00:00Z");
    long endSeconds = end.getEpochSecond();
    assertThat(plan(List.of(timestamp("1.7976931348623157E308")), null, null, null, null).next(0, null, null, NOW))
        .contains(end);
    assertThat(plan(List.of(timestamp(Long.toString(endSeconds - 1))), null, null, null, null).times())
        .containsExactly(end.minusSeconds(1));
    assertThat(plan(List.of(timestamp(Long.toString(endSeconds))), null, null, null, null).times())
        .containsExactly(end);
    assertThat(plan(List.of(timestamp(Long.toString(endSeconds + 1))), null, null, null, null).times())
        .containsExactly(end);
    // A fraction is rounded up: the trigger fires at or after its time.
    assertThat(plan(List.of(timestamp("1767268830.25")), null, null, null, null).times())
        .containsExactly(Instant.parse("2026-01-01T12:00:31Z"));
    // validUntil past the end: no bound ever reached; validAfter past it: nothing is ever due before the end.
    SchedulePlan forever = plan(List.of(cron("0 * * * *")), null, null, Long.MAX_VALUE, null);
    assertThat(forever.validUntil()).isEqualTo(end);
    assertThat(forever.next(0, null, null, NOW)).contains(Instant.parse("2026-01-01T13:00:00Z"));
    assertThat(plan(List.of(cron("0 * * * *")), null, Long.MAX_VALUE, null, null).next(0, null, null, NOW))
        .contains(end);
    // An interval past the end after a run: the next run would be due at the end, no sooner.
    SchedulePlan once = plan(List.of(), null, null, null, Long.MAX_VALUE);
    assertThat(once.next(0, null, null, NOW)).contains(NOW);
    assertThat(once.next(1, NOW, NOW, NOW)).contains(end);
    assertThat(plan(List.of(), null, null, null, endSeconds - NOW.getEpochSecond() - 1).next(1, NOW, NOW, NOW))
        .contains(end.minusSeconds(1));
  }

  @Test
  void triggersCombineToTheEarliestDueTime() {
    SchedulePlan plan = plan(List.of(cron("0 * * * *"), time(Instant.parse("2026-01-01T12:20:00Z"))), null, null,
        null, null);
    assertThat(plan.next(0, null, null, NOW)).contains(Instant.parse("2026-01-01T12:20:00Z"));
    assertThat(plan.next(1, Instant.parse("2026-01-01T12:20:00Z"), Instant.parse("2026-01-01T12:20:00Z"),
        Instant.parse("2026-01-01T12:20:00Z"))).contains(Instant.parse("2026-01-01T13:00:00Z"));
  }

  @Test
  void eventAndOnchainTriggersAndAWorkflowWithoutTimeAreNotScheduled() {
    Trigger event = new Trigger("event", JSON.readTree("{\"signature\":\"Transfer(address,address,uint256)\"}"));
    assertThat(SchedulePlan.of(workflow(List.of(event), 3L, null, null, 10L))).isEmpty();
    assertThat(SchedulePlan.of(workflow(List.of(), 3L, null, null, null))).isEmpty();
    Optional<SchedulePlan> mixed = SchedulePlan.of(workflow(List.of(event, cron("* * * * *")), null, null, null,
        null));
    assertThat(mixed).isPresent();
    assertThat(mixed.get().crons()).hasSize(1);
    assertThat(mixed.get().everyInterval()).isFalse();
    assertThat(SchedulePlan.of(workflow(List.of(), null, null, null, 1L)).orElseThrow().interval())
        .isEqualTo(Duration.ofSeconds(1));
  }

  private static SchedulePlan plan(List<Trigger> triggers, Long count, Long validAfter, Long validUntil,
      Long interval) {
    return SchedulePlan.of(workflow(triggers, count, validAfter, validUntil, interval)).orElseThrow();
  }

  private static Workflow workflow(List<Trigger> triggers, Long count, Long validAfter, Long validUntil,
      Long interval) {
    return new Workflow(OWNER, triggers, List.of(), count, validAfter, validUntil, interval);
  }

  private static Trigger cron(String schedule) {
    return new Trigger("cron", JSON.createObjectNode().put("schedule", schedule));
  }

  private static Trigger timestamp(String number) {
    return new Trigger("time", JSON.readTree("{\"timestamp\":" + number + "}"));
  }

  private static Trigger time(Instant at) {
    return new Trigger("time", JSON.createObjectNode().put("timestamp", at.getEpochSecond()));
  }
}
