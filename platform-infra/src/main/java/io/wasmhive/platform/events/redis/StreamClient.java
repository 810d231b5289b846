package io.wasmhive.platform.events.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.wasmhive.platform.events.StreamIds;

/**
 * The plain stream commands the bus uses: {@code XADD}, {@code XGROUP CREATE}, {@code XREADGROUP}
 * and {@code XACK} for consumer groups, {@code XREAD}, {@code XRANGE} and {@code XREVRANGE} for
 * group-less follows and reads. Thread-safe; every method blocks for one round trip (a read up to its timeout)
 * and throws Spring's {@link DataAccessException} when Redis fails.
 */
final class StreamClient {

  private final StringRedisTemplate redis;

  StreamClient(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Appends an entry, trimming the stream to about (or exactly) maxLength entries. */
  String add(String stream, Map<String, String> fields, long maxLength, boolean approximate) {
    RecordId id = redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream),
        XAddOptions.maxlen(maxLength).approximateTrimming(approximate));
    return id.getValue();
  }

  /** Creates the group (and the stream) unless the group exists. */
  void ensureGroup(String stream, String group, String startId) {
    byte[] key = stream.getBytes(StandardCharsets.UTF_8);
    try {
      redis.execute((RedisCallback<String>) connection -> connection.streamCommands()
          .xGroupCreate(key, group, ReadOffset.from(startId), true));
    } catch (DataAccessException e) {
      if (!mentions(e, "BUSYGROUP")) {
        throw e;
      }
    }
  }

  /** Reads up to count new entries for the consumer, waiting up to the timeout for the first. */
  List<StreamEntry> readNew(String stream, String group, String consumer, int count, Duration block) {
    List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
        Consumer.from(group, consumer), StreamReadOptions.empty().count(count).block(block),
        StreamOffset.create(stream, ReadOffset.lastConsumed()));
    return entries(records);
  }

  /** {@code XREAD COUNT count BLOCK block}: entries after {@code afterId}, waiting up to the timeout for one. */
  List<StreamEntry> readAfter(String stream, String afterId, int count, Duration block) {
    return entries(redis.opsForStream().read(StreamReadOptions.empty().count(count).block(block),
        StreamOffset.create(stream, ReadOffset.from(afterId))));
  }

  /** {@code XRANGE stream (afterId + COUNT count}: the retained entries just after {@code afterId}. */
  List<StreamEntry> rangeAfter(String stream, String afterId, int count) {
    return entries(redis.opsForStream().range(stream, Range.rightUnbounded(Range.Bound.exclusive(afterId)),
        Limit.limit().count(count)));
  }

  /** {@code XREVRANGE stream + - COUNT count}, reversed: the newest {@code count} entries, oldest first. */
  List<StreamEntry> latest(String stream, int count) {
    List<StreamEntry> newestFirst = new ArrayList<>(entries(
        redis.opsForStream().reverseRange(stream, Range.unbounded(), Limit.limit().count(count))));
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The id of the newest entry, or {@link StreamIds#BEFORE_ALL} when there is none: where "$" is now. */
  String newestId(String stream) {
    List<MapRecord<String, Object, Object>> newest =
        redis.opsForStream().reverseRange(stream, Range.unbounded(), Limit.limit().count(1));
    return newest == null || newest.isEmpty() ? StreamIds.BEFORE_ALL : newest.get(0).getId().getValue();
  }

  /** The id of the oldest retained entry, or null when there is none. */
  String oldestId(String stream) {
    List<MapRecord<String, Object, Object>> oldest =
        redis.opsForStream().range(stream, Range.unbounded(), Limit.limit().count(1));
    return oldest == null || oldest.isEmpty() ? null : oldest.get(0).getId().getValue();
  }

  private static List<StreamEntry> entries(List<MapRecord<String, Object, Object>> records) {
    if (records == null || records.isEmpty()) {
      return List.of();
    }
    List<StreamEntry> entries = new ArrayList<>(records.size());
    for (MapRecord<String, Object, Object> record : records) {
      Map<String, String> fields = new LinkedHashMap<>();
      record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
      entries.add(new StreamEntry(record.getId().getValue(), fields, 1));
    }
    return entries;
  }

  /** Acknowledges the entry for the group. */
  void ack(String stream, String group, String id) {
    redis.opsForStream().acknowledge(stream, group, id);
  }

  private static boolean mentions(Throwable failure, String word) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(word)) {
        return true;
      }
    }
    return false;
  }
}
