package io.wasmhive.relay.events;

import java.time.Duration;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The plain (group-less) stream commands the SSE feature runs on {@code wasm_exec_events}: {@code XREAD BLOCK},
 * {@code XRANGE} and {@code XREVRANGE}. Every instance reads the whole stream; nothing is acknowledged. Thread-safe;
 * each method blocks for one round trip (a read up to its block timeout) and throws Spring's
 * {@link org.springframework.dao.DataAccessException} when Redis fails.
 */
final class EventStreamClient {

  /** The id before every possible entry. */
  static final String BEFORE_ALL = "0-0";

  private final StringRedisTemplate redis;
  private final String stream;

  EventStreamClient(StringRedisTemplate redis, String stream) {
    this.redis = redis;
    this.stream = stream;
  }

  /** The id of the newest entry, or {@link #BEFORE_ALL} when the stream is empty or absent: where "$" is now. */
  String newestId() {
    List<MapRecord<String, Object, Object>> newest =
        redis.opsForStream().reverseRange(stream, Range.unbounded(), Limit.limit().count(1));
    return newest == null || newest.isEmpty() ? BEFORE_ALL : newest.get(0).getId().getValue();
  }

  /** The id of the oldest retained entry, or null when the stream is empty or absent. */
  String oldestId() {
    List<MapRecord<String, Object, Object>> oldest =
        redis.opsForStream().range(stream, Range.unbounded(), Limit.limit().count(1));
    return oldest == null || oldest.isEmpty() ? null : oldest.get(0).getId().getValue();
  }

  /** {@code XREAD COUNT count BLOCK block STREAMS stream after}: entries newer than {@code after}, waiting for one. */
  List<MapRecord<String, Object, Object>> readAfter(String after, int count, Duration block) {
    List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
        StreamReadOptions.empty().count(count).block(block), StreamOffset.create(stream, ReadOffset.from(after)));
    return records == null ? List.of() : records;
  }

  /** {@code XRANGE stream (after + COUNT count}: the retained entries just after {@code after}, oldest first. */
  List<MapRecord<String, Object, Object>> rangeAfter(String after, int count) {
    List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(stream,
        Range.rightUnbounded(Range.Bound.exclusive(after)), Limit.limit().count(count));
    return records == null ? List.of() : records;
  }
}
