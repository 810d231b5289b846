package io.wasmhive.relay.gateway;

import io.wasmhive.platform.events.contract.Streams;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A request's place in the queue, best effort: 1 + the entries of {@code wasm_exec_requested} that the group
 * {@code executors} has not been handed yet (after its last-delivered id), counted in Redis by one script and
 * capped at {@value #CAP}. Entries being executed do not count: they are not waiting. Thread-safe.
 */
final class QueuePosition {

  static final int CAP = 10_000;

  private static final RedisScript<Long> WAITING = RedisScript.of("""
      local last = '0-0'
      local ok, groups = pcall(redis.call, 'XINFO', 'GROUPS', KEYS[1])
      if ok then
        for _, g in ipairs(groups) do
          local name, id
          for i = 1, #g, 2 do
            if g[i] == 'name' then name = g[i + 1] elseif g[i] == 'last-delivered-id' then id = g[i + 1] end
          end
          if name == ARGV[1] then last = id end
        end
      end
      return #redis.call('XRANGE', KEYS[1], '(' .. last, '+', 'COUNT', ARGV[2])
      """, Long.class);

  private final StringRedisTemplate redis;

  QueuePosition(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** The position a request published now would have; blocks one round trip; throws when Redis fails. */
  long next() {
    Long waiting = redis.execute(WAITING, List.of(Streams.EXEC_REQUESTED), Streams.EXECUTORS_GROUP,
        Integer.toString(CAP));
    return 1 + (waiting == null ? 0 : waiting);
  }
}
