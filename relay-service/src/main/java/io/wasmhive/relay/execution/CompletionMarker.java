package io.wasmhive.relay.execution;

import io.wasmhive.relay.events.RelayStreams;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The marker {@code relay:done:<request_id>} that makes an execution's outcome happen once however often its
 * request is delivered. {@link #begin} claims the request ({@code running|<entry id>} with a lease) unless a
 * marker exists; {@link #finish} is one script that sets {@code done|<entry id>|<outcome payload>} (with the done
 * TTL) and appends the outcome to {@code wasm_exec_completed} and the final lifecycle event to
 * {@code wasm_exec_events}: the three happen together or not at all. So a consumer that dies before
 * {@code finish} published nothing and its redelivery runs the module (after the lease); one that dies after
 * it published the outcome and marked it done, and its redelivery only acknowledges. Thread-safe; each call is
 * one round trip. On Redis Cluster the three keys would need one hash slot.
 */
final class CompletionMarker {

  /** The key prefix of the markers. */
  static final String PREFIX = "relay:done:";

  private static final RedisScript<String> BEGIN = RedisScript.of("""
      local v = redis.call('GET', KEYS[1])
      if v then return v end
      redis.call('SET', KEYS[1], 'running|' .. ARGV[1], 'PX', ARGV[2])
      return 'begun'
      """, String.class);

  private static final RedisScript<String> FINISH = RedisScript.of("""
      redis.call('SET', KEYS[1], 'done|' .. ARGV[1] .. '|' .. ARGV[5], 'PX', ARGV[2])
      redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'type', 'wasm_exec_completed',
        'occurred_at', ARGV[4], 'payload', ARGV[5])
      return redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*', 'type', 'wasm_exec_events',
        'occurred_at', ARGV[4], 'payload', ARGV[7])
      """, String.class);

  private static final RedisScript<Long> RELEASE = RedisScript.of("""
      if redis.call('GET', KEYS[1]) == 'running|' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """, Long.class);

  private static final RedisScript<String> REPUBLISH = RedisScript.of("""
      return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'type', 'wasm_exec_completed',
        'occurred_at', ARGV[2], 'payload', ARGV[3])
      """, String.class);

  private final StringRedisTemplate redis;
  private final Duration doneTtl;
  private final long completedMaxLength;
  private final long eventsMaxLength;
  private final Clock clock;

  CompletionMarker(StringRedisTemplate redis, Duration doneTtl, long completedMaxLength, long eventsMaxLength,
      Clock clock) {
    this.redis = redis;
    this.doneTtl = doneTtl;
    this.completedMaxLength = completedMaxLength;
    this.eventsMaxLength = eventsMaxLength;
    this.clock = clock;
  }

  /** Claims the request for this delivery for {@code lease}, or says what holds it. */
  State begin(String requestId, String entryId, Duration lease) {
    String value = redis.execute(BEGIN, List.of(PREFIX + requestId), entryId, Long.toString(lease.toMillis()));
    if ("begun".equals(value)) {
      return new State.Begun();
    }
    String[] parts = value.split("\\|", 3);
    if (parts[0].equals("done")) {
      return new State.Done(parts[1], parts.length > 2 ? parts[2] : "");
    }
    return new State.Running(parts.length > 1 ? parts[1] : "");
  }

  /** Marks the request done and publishes its outcome and final event, atomically. */
  void finish(String requestId, String entryId, String outcomePayload, String eventPayload) {
    redis.execute(FINISH, List.of(PREFIX + requestId, RelayStreams.EXEC_COMPLETED, RelayStreams.EXEC_EVENTS),
        entryId, Long.toString(doneTtl.toMillis()), Long.toString(completedMaxLength), clock.instant().toString(),
        outcomePayload, Long.toString(eventsMaxLength), eventPayload);
  }

  /** Drops this delivery's claim (it failed in a way another delivery may not), unless something replaced it. */
  void release(String requestId, String entryId) {
    redis.execute(RELEASE, List.of(PREFIX + requestId), entryId);
  }

  /** Publishes a stored outcome again, for a new request entry with the id of one already done. */
  void republish(String outcomePayload) {
    redis.execute(REPUBLISH, List.of(RelayStreams.EXEC_COMPLETED), Long.toString(completedMaxLength),
        clock.instant().toString(), outcomePayload);
  }

  /** What {@link #begin} found. */
  sealed interface State {

    /** This delivery holds the request now. */
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
