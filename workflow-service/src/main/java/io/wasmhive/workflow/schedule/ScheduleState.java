package io.wasmhive.workflow.schedule;

import java.util.Locale;

/** Where a workflow's schedule stands; written in lower case on the wire and in the store. */
enum ScheduleState {

  /** Runs are made when due. */
  ACTIVE,
  /** No runs until it is resumed. */
  PAUSED,
  /** Ended by its owner; final. */
  CANCELLED,
  /** Nothing more is due: {@code count} runs made, {@code validUntil} reached, or every time trigger fired; final. */
  FINISHED,
  /** A trigger could not be read (a cron schedule that does not parse); final, the reason is kept. */
  INVALID;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ScheduleState ofWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
