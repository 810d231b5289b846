package io.wasmhive.platform.events.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.models.stream.ClaimedMessages;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Takes over entries that have been pending longer than the reclaim idle time, from any consumer
 * of the group, with {@code XAUTOCLAIM}, and reads their delivery counts with {@code XPENDING}.
 * Spring Data Redis has no {@code XAUTOCLAIM}, so this goes through the Lettuce driver. Each
 * instance belongs to one worker (it keeps the scan cursor); blocks for two round trips.
 */
final class PendingClaimer {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  private static final String START = "0-0";

  private final StringRedisTemplate redis;

  private String cursor = START;

  PendingClaimer(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /**
   * Claims up to count entries idle for at least minIdle, continuing the previous scan, and returns
   * them with their delivery counts (this delivery included).
   */
  List<StreamEntry> claim(String stream, String group, String consumer, Duration minIdle, int count) {
    ClaimedMessages<byte[], byte[]> claimed = autoClaim(stream, group, consumer, minIdle, count);
    cursor = claimed.getId() == null ? START : claimed.getId();
    List<StreamMessage<byte[], byte[]>> messages = new ArrayList<>();
    for (StreamMessage<byte[], byte[]> message : claimed.getMessages()) {
      // Redis 6.2 answers nil for a pending entry that trimming removed; 7.0 leaves it out.
      if (message != null && message.getId() != null && message.getBody() != null) {
        messages.add(message);
      }
    }
    if (messages.isEmpty()) {
      return List.of();
    }
    Map<String, Long> counts = deliveryCounts(stream, group, consumer, messages);
    List<StreamEntry> entries = new ArrayList<>(messages.size());
    for (StreamMessage<byte[], byte[]> message : messages) {
      Long deliveries = counts.get(message.getId());
      if (deliveries != null) {
        entries.add(new StreamEntry(message.getId(), fields(message), deliveries));
      }
    }
    return entries;
  }

  @SuppressWarnings("unchecked")
  private ClaimedMessages<byte[], byte[]> autoClaim(String stream, String group, String consumer,
      Duration minIdle, int count) {
    byte[] key = stream.getBytes(StandardCharsets.UTF_8);
    XAutoClaimArgs<byte[]> args = XAutoClaimArgs.Builder
        .xautoclaim(io.lettuce.core.Consumer.from(bytes(group), bytes(consumer)), minIdle, cursor)
        .count(count);
    return redis.execute((RedisCallback<ClaimedMessages<byte[], byte[]>>) connection -> {
      RedisStreamAsyncCommands<byte[], byte[]> commands =
          (RedisStreamAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
      try {
        return LettuceFutures.awaitOrCancel(commands.xautoclaim(key, args),
            COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        throw new RedisSystemException("XAUTOCLAIM failed: " + e.getMessage(), e);
      }
    });
  }

  private Map<String, Long> deliveryCounts(String stream, String group, String consumer,
      List<StreamMessage<byte[], byte[]>> messages) {
    String first = messages.get(0).getId();
    String last = messages.get(messages.size() - 1).getId();
    PendingMessages pending = redis.opsForStream().pending(stream, Consumer.from(group, consumer),
        Range.closed(first, last), messages.size() + 1000L);
    Map<String, Long> counts = new HashMap<>();
    for (PendingMessage message : pending) {
      counts.put(message.getIdAsString(), message.getTotalDeliveryCount());
    }
    return counts;
  }

  private static Map<String, String> fields(StreamMessage<byte[], byte[]> message) {
    Map<String, String> fields = new LinkedHashMap<>();
    message.getBody().forEach((k, v) -> fields.put(string(k), string(v)));
    return fields;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String string(byte[] value) {
    return value == null ? "" : new String(value, StandardCharsets.UTF_8);
  }
}
