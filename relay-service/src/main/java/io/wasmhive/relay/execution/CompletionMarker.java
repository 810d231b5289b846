package io.wasmhive.relay.execution;

import io.wasmhive.platform.events.EncodedEvent;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.GuardOutcome;
import io.wasmhive.platform.events.KeyGuard;
import io.wasmhive.platform.events.Publication;
import io.wasmhive.platform.events.contract.ExecutionCompleted;
import io.wasmhive.platform.events.contract.Streams;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The marker {@code relay:done:<request_id>} that makes an execution's outcome happen once however often its
 * request is delivered. {@link #begin} claims the request ({@code running|<entry id>} with a lease) unless a
 * marker exists, publishing {@code execution_started} in the same guarded publication; {@link #finish} is one guarded publication of the event bus: only if this delivery still holds
 * the request (or nobody does), it sets {@code done|<entry id>|<outcome payload>} (with the done TTL) and appends
 * the outcome to {@code wasm_exec_completed} and the final lifecycle event to {@code wasm_exec_events}, all three
 * together or none. So a consumer that dies before {@code finish} published nothing and its redelivery runs the
 * module (after the lease); one that dies after it published the outcome and marked it done, and its redelivery
 * only acknowledges; and of two deliveries that both ran (a lease overtaken), only the first to finish publishes.
 * Thread-safe; each call is one round trip. On Redis Cluster the three keys would need one hash slot.
 */
final class CompletionMarker {

  /** The key prefix of the markers. */
  static final String PREFIX = "relay:done:";

  private static final RedisScript<Long> RELEASE = RedisScript.of("""
      if redis.call('GET', KEYS[1]) == 'running|' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """, Long.class);

  private final StringRedisTemplate redis;
  private final EventBus bus;
  private final Duration doneTtl;

  CompletionMarker(StringRedisTemplate redis, EventBus bus, Duration doneTtl) {
    this.redis = redis;
    this.bus = bus;
    this.doneTtl = doneTtl;
  }

  /**
   * Claims the request for this delivery for {@code lease} and publishes {@code started} with the claim, in one
   * guarded publication (both or neither), unless a marker exists; then says what holds it and publishes nothing.
   *
   * @throws io.wasmhive.platform.events.EventBusException (retryable) when Redis cannot be reached
   */
  State begin(String requestId, String entryId, Duration lease, Publication started) {
    GuardOutcome begun = bus.publishIf(KeyGuard.absent(PREFIX + requestId).thenSet("running|" + entryId, lease),
        List.of(started));
    return begun.published() ? new State.Begun() : State.of(begun.found());
  }

  /**
   * Marks the request done and publishes its outcome and final event, atomically, if this delivery still holds
   * it or nobody does.
   *
   * @return {@link State.Begun} when it published; otherwise what holds the request instead
   * @throws io.wasmhive.platform.events.EventBusException (retryable) when Redis cannot be reached
   */
  State finish(String requestId, String entryId, ExecutionCompleted outcome, Publication finalEvent) {
    return finish(requestId, entryId, bus.encode(outcome), finalEvent);
  }

  /** The outcome as {@link #finish} publishes it and stores it in the marker. Does not block. */
  EncodedEvent encode(ExecutionCompleted outcome) {
    return bus.encode(outcome);
  }

  /** {@link #finish(String, String, ExecutionCompleted, Publication)} of an outcome {@link #encode}d. */
  State finish(String requestId, String entryId, EncodedEvent encoded, Publication finalEvent) {
    GuardOutcome done = bus.publishIf(KeyGuard.absentOr(PREFIX + requestId, "running|" + entryId)
            .thenSet("done|" + entryId + "|" + encoded.payload(), doneTtl),
        List.of(new Publication(Streams.EXEC_COMPLETED, encoded), finalEvent));
    return done.published() ? new State.Begun() : State.of(done.found());
  }

  /** Drops this delivery's claim (it failed in a way another delivery may not), unless something replaced it. */
  void release(String requestId, String entryId) {
    redis.execute(RELEASE, List.of(PREFIX + requestId), entryId);
  }

  /** Publishes a stored outcome again, byte for byte, for a new request entry with the id of one already done. */
  void republish(String outcomePayload) {
    bus.publish(Streams.EXEC_COMPLETED, new EncodedEvent(Streams.EXEC_COMPLETED, outcomePayload));
  }

  /** What {@link #begin} found, or what {@link #finish} found instead of this delivery's claim. */
  sealed interface State {

    /** The marker's value as {@link #begin} returns it: {@code begun}, or what holds the request. */
    static State of(String value) {
      if (value == null || "begun".equals(value)) {
        return new Begun();
      }
      String[] parts = value.split("\\|", 3);
      if (parts[0].equals("done")) {
        return new Done(parts[1], parts.length > 2 ? parts[2] : "");
      }
      return new Running(parts.length > 1 ? parts[1] : "");
    }

    /** This delivery holds the request now (or its outcome was just published). */
    record Begun() implements State {
    }

    /** Another delivery (of this entry or another) holds it and its lease has not run out. */
    record Running(String entryId) implements State {
    }

    /** The outcome was published by the delivery of {@code entryId}. */
    record Done(String entryId, String outcomePayload) implements State {
    }
  }
}
