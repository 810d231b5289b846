package io.wasmhive.workflow.schedule;

import io.wasmhive.workflow.sdk.Trigger;
import io.wasmhive.workflow.sdk.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a workflow is due, from what its SDK document declares: {@code cron} triggers (5 fields, UTC), {@code time}
 * triggers (once each), or, for a workflow without triggers, every {@code interval} seconds; bounded by
 * {@code validAfter} (no run before it), {@code validUntil} (no run at or after it), {@code count} (runs in all)
 * and {@code interval} (the least time between two runs). Immutable and thread-safe.
 *
 * @param count the most runs, or {@code null}
 * @param validAfter the earliest run, or {@code null}
 * @param validUntil the first instant with no run, or {@code null}
 * @param interval the least time between the starts of two runs, or {@code null}
 * @param crons the cron triggers' schedules
 * @param times the time triggers' instants
 * @param everyInterval whether the workflow has no triggers and runs every {@code interval}
 */
record SchedulePlan(Long count, Instant validAfter, Instant validUntil, Duration interval,
    List<CronExpression> crons, List<Instant> times, boolean everyInterval) {

  SchedulePlan {
    crons = List.copyOf(crons);
    times = List.copyOf(times);
  }

  /**
   * The plan of a workflow, or empty when nothing in it is kept by the clock (only {@code event}/{@code onchain}
   * triggers, or no triggers and no {@code interval}).
   *
   * @throws IllegalArgumentException when a cron schedule does not parse (the message says which)
   */
  static Optional<SchedulePlan> of(Workflow workflow) {
    List<CronExpression> crons = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (Trigger trigger : workflow.triggers()) {
      switch (trigger.type()) {
        case "cron" -> crons.add(cron(trigger.params().path("schedule").asString("")));
        case "time" -> times.add(ScheduleTimes.at(trigger.params().get("timestamp")));
        default -> {
          // event and onchain triggers are not scheduled by the clock.
        }
      }
    }
    boolean everyInterval = workflow.triggers().isEmpty() && workflow.interval() != null;
    if (crons.isEmpty() && times.isEmpty() && !everyInterval) {
      return Optional.empty();
    }
    return Optional.of(new SchedulePlan(workflow.count(), seconds(workflow.validAfter()),
        seconds(workflow.validUntil()), workflow.interval() == null ? null : Duration.ofSeconds(workflow.interval()),
        crons, times, everyInterval));
  }

  /**
   * A five-field cron schedule (minute, hour, day of month, month, day of week), as the SDK writes it; Spring's
   * parser wants the seconds first, so they are given as {@code 0}.
   */
  static CronExpression cron(String schedule) {
    String trimmed = schedule.trim();
    if (trimmed.split("\\s+").length != 5) {
      throw new IllegalArgumentException("cron schedule \"" + schedule + "\" must have 5 fields (minute hour "
          + "day-of-month month day-of-week)");
    }
    try {
      return CronExpression.parse("0 " + trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cron schedule \"" + schedule + "\" does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * When the next run is due, or empty when there will be none.
   *
   * @param runs the runs made so far
   * @param lastDue when the last run was due, or {@code null} before the first
   * @param lastRun when the last run started, or {@code null} before the first
   * @param now the present; cron times are taken after it (missed ones are not made up), time triggers and
   *     intervals may be due already; at or after {@code validUntil} nothing is due
   */
  Optional<Instant> next(long runs, Instant lastDue, Instant lastRun, Instant now) {
    if (count != null && runs >= count || validUntil != null && !now.isBefore(validUntil)) {
      return Optional.empty();
    }
    Instant earliest = validAfter;
    if (lastRun != null && interval != null) {
      earliest = later(earliest, ScheduleTimes.plus(lastRun, interval.getSeconds()));
    }
    Instant next = null;
    for (CronExpression cron : crons) {
      next = earlier(next, cronTime(cron, later(now, earliest == null ? null : earliest.minusNanos(1))));
    }
    for (Instant time : times) {
      if (lastDue == null || time.isAfter(lastDue)) {
        next = earlier(next, later(time, earliest));
      }
    }
    if (everyInterval) {
      next = earlier(next, earliest == null ? now : earliest);
    }
    if (next == null || validUntil != null && !next.isBefore(validUntil)) {
      return Optional.empty();
    }
    return Optional.of(next.isAfter(ScheduleTimes.END) ? ScheduleTimes.END : next);
  }

  /** The first time of {@code cron} strictly after {@code after} (whole seconds, UTC), or {@code null}. */
  private static Instant cronTime(CronExpression cron, Instant after) {
    ZonedDateTime next = cron.next(after.atZone(ZoneOffset.UTC));
    return next == null ? null : next.toInstant();
  }

  private static Instant seconds(Long epochSeconds) {
    return epochSeconds == null ? null : ScheduleTimes.at(epochSeconds);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }
}
