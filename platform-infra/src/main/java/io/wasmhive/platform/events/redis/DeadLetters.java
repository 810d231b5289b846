package io.wasmhive.platform.events.redis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Moves an entry to its stream's dead-letter stream: one Lua script adds the original fields plus
 * the {@code dlq_*} fields to the dead-letter stream (trimmed like any stream) and acknowledges
 * the original, so that the two happen together or not at all. Thread-safe; one round trip.
 *
 * <p>The script touches two keys; on Redis Cluster they must share a hash slot (name the stream
 * with a hash tag, {@code {wasm_exec_requested}}).
 */
final class DeadLetters {

  private static final RedisScript<String> MOVE = RedisScript.of("""
      local id = redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[4], ARGV[3], '*', unpack(ARGV, 5))
      redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
      return id
      """, String.class);

  private static final int MAX_ERROR_LENGTH = 2000;

  private final StringRedisTemplate redis;

  private final Clock clock;

  DeadLetters(StringRedisTemplate redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Dead-letters the entry with the failure that ended it; returns the dead-letter entry id. */
  String move(Target target, StreamEntry entry, Throwable failure, boolean retryable) {
    List<String> args = new ArrayList<>();
    args.add(target.group());
    args.add(entry.id());
    args.add(Long.toString(target.maxLength()));
    args.add(target.approximate() ? "~" : "=");
    for (Map.Entry<String, String> field : entry.fields().entrySet()) {
      args.add(field.getKey());
      args.add(field.getValue());
    }
    add(args, "dlq_error", describe(failure));
    add(args, "dlq_retryable", Boolean.toString(retryable));
    add(args, "dlq_delivery_count", Long.toString(entry.deliveryCount()));
    add(args, "dlq_original_id", entry.id());
    add(args, "dlq_stream", target.stream());
    add(args, "dlq_group", target.group());
    add(args, "dlq_consumer", target.consumer());
    add(args, "dlq_at", clock.instant().toString());
    return redis.execute(MOVE, List.of(target.stream(), target.deadLetterStream()), args.toArray());
  }

  private static void add(List<String> args, String field, String value) {
    args.add(field);
    args.add(value);
  }

  static String describe(Throwable failure) {
    String text = failure.getClass().getName() + ": " + failure.getMessage();
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
  }

  /**
   * Where an entry came from and where it goes.
   *
   * @param stream the source stream
   * @param group the group that failed it
   * @param consumer the consumer that failed it
   * @param deadLetterStream the dead-letter stream
   * @param maxLength the dead-letter stream's trim length
   * @param approximate whether trimming is approximate
   */
  record Target(String stream, String group, String consumer, String deadLetterStream,
      long maxLength, boolean approximate) {
  }
}
