package io.wasmhive.workflow.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The workflow document's times (Unix seconds: {@code validAfter}, {@code validUntil}, a {@code time} trigger's
 * {@code timestamp}, {@code interval} added to a run's start) as instants the scheduler keeps, saturated at
 * {@link #END} (10000-01-01T00:00:00Z): the SDK's schema allows any positive 64-bit integer (and any positive
 * number for a timestamp), more than {@link Instant} or a stored date holds, and a time at or past {@code END}
 * is never reached, so it is {@code END} itself. Stateless.
 */
final class ScheduleTimes {

  /** The first instant of the year 10000: every time at or after it is this one. */
  static final Instant END = Instant.ofEpochSecond(253_402_300_800L);

  private ScheduleTimes() {
  }

  /** {@code epochSeconds} as an instant, {@link #END} at or past it, the epoch before it. */
  static Instant at(long epochSeconds) {
    return Instant.ofEpochSecond(Math.max(0, Math.min(epochSeconds, END.getEpochSecond())));
  }

  /**
   * A JSON number of Unix seconds as an instant: a fraction is rounded up (a trigger at {@code T} fires at or
   * after {@code T}), then as {@link #at(long)}; anything that is not a number is the epoch.
   */
  static Instant at(JsonNode seconds) {
    if (seconds == null || !seconds.isNumber()) {
      return Instant.EPOCH;
    }
    BigDecimal whole = seconds.decimalValue().setScale(0, RoundingMode.CEILING);
    return whole.compareTo(BigDecimal.valueOf(END.getEpochSecond())) >= 0 ? END : at(whole.longValue());
  }

  /** {@code start} plus {@code seconds}, {@link #END} at or past it. */
  static Instant plus(Instant start, long seconds) {
    return seconds >= END.getEpochSecond() - start.getEpochSecond() ? END : start.plusSeconds(Math.max(0, seconds));
  }
}
