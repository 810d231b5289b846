package io.wasmhive.relay.ui;

import io.wasmhive.platform.events.contract.Streams;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The depth of the shared execution queue: the executors group's entries of {@code wasm_exec_requested} not yet
 * delivered ({@code lag}, Redis 7 and later) and delivered but not yet acknowledged ({@code pending}, running or
 * left by a dead consumer). One {@code XINFO GROUPS} per call; blocks for at most the Redis command timeout;
 * thread-safe.
 */
final class ExecutionQueue {

  private final StringRedisTemplate redis;

  ExecutionQueue(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** The queue's depth, or {@code {"available": false}} when Redis cannot say (unreachable, no stream yet). */
  Map<String, Object> depth() {
    Map<String, Object> depth = new LinkedHashMap<>();
    try {
      for (XInfoGroup group : redis.opsForStream().groups(Streams.EXEC_REQUESTED)) {
        if (Streams.EXECUTORS_GROUP.equals(group.groupName())) {
          depth.put("available", true);
          Object lag = group.getRaw().get("lag");
          depth.put("waiting", lag instanceof Number n ? n.longValue() : null);
          depth.put("pending", group.pendingCount());
          depth.put("consumers", group.consumerCount());
          return depth;
        }
      }
    } catch (RuntimeException e) {
      // An unreachable Redis or a stream not created yet: the dashboard shows the queue as unknown.
    }
    depth.put("available", false);
    return depth;
  }
}
