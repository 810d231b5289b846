package io.wasmhive.relay.guard;

import io.wasmhive.relay.guard.IdempotencyStore.Claim;

/** How a key's value is written, in Redis and in the fallback: an in-flight marker, or "D:" and the response. */
final class IdempotencyValues {

  /** The value of a claimed key whose execution has not finished. */
  static final String IN_FLIGHT = "I";

  /** The prefix of a completed key's value; the response JSON follows. */
  static final String DONE_PREFIX = "D:";

  static final Claim ACQUIRED = new Claim.Acquired();

  static final Claim IN_FLIGHT_CLAIM = new Claim.InFlight();

  private IdempotencyValues() {
  }

  static String done(String responseJson) {
    return DONE_PREFIX + responseJson;
  }

  /** The claim a stored value stands for. */
  static Claim decode(String value) {
    if (value.startsWith(DONE_PREFIX)) {
      return new Claim.Done(value.substring(DONE_PREFIX.length()));
    }
    return IN_FLIGHT_CLAIM;
  }
}
