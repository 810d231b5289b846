package io.wasmhive.relay.intent;

import io.wasmhive.platform.security.Roles;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import io.wasmhive.relay.identity.RequestIdentity;
import java.util.Optional;

/**
 * {@code GET /intent/execute-wasm/{request_id}}: the status and, once finished, the result of an execution, read
 * from the idempotency store, so results live exactly as long as cached responses (ADR 0009). Another user's
 * finished execution is as unknown as a missing one (404, so that an id reveals nothing), except to an
 * administrator (secure mode). Thread-safe; one Redis round trip.
 */
final class ExecutionStatus {

  private final IdempotencyStore idempotency;

  ExecutionStatus(IdempotencyStore idempotency) {
    this.idempotency = idempotency;
  }

  IntentResult of(String requestId, RequestIdentity who) {
    if (!requestId.matches("[0-9a-f]{64}")) {
      throw RelayException.badRequest("request_id", "request_id must be 64 lowercase hex characters");
    }
    Optional<Claim> claim = idempotency.peek(requestId);
    if (claim.isPresent() && claim.get() instanceof Claim.Done done) {
      IntentResult finished = ExecutionResponses.finished(requestId, who.userId(), who.may(Roles.ADMIN), done);
      if (finished != null) {
        return finished;
      }
    } else if (claim.isPresent() && claim.get() instanceof Claim.InFlight running
        && (running.visibleTo(who.userId()) || who.may(Roles.ADMIN))) {
      return ExecutionResponses.running(requestId);
    }
    throw new RelayException(RelayError.NOT_FOUND,
        "no execution " + requestId + " is known (results are kept for the idempotency TTL)")
        .withBodyField("request_id", requestId);
  }
}
