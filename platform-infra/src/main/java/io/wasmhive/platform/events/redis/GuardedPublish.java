package io.wasmhive.platform.events.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.wasmhive.platform.events.GuardOutcome;
import io.wasmhive.platform.events.KeyGuard;

/**
 * {@link io.wasmhive.platform.events.EventBus#publishIf} on Redis: one Lua script reads the guard's
 * key, and only if its value is allowed sets the new value and appends every entry ({@code XADD
 * MAXLEN}), in order. A script runs atomically, so the key write and the entries happen together or
 * not at all, and no other client sees one without the others. The script knows nothing of the
 * envelope: it writes the field-value pairs {@link EventCodec} made. {@link #runAll} is the same
 * without a guard ({@link io.wasmhive.platform.events.EventBus#publishAll}). Thread-safe; one round
 * trip.
 */
final class GuardedPublish {

  // KEYS[1] the guard's key, KEYS[2..] one stream per entry.
  // ARGV: absent-allowed, n, n allowed values, set?, new value, ttl ms, trim operator,
  //       then per entry: max length, m, m field-value pairs.
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> SCRIPT = RedisScript.of("""
      local found = redis.call('GET', KEYS[1])
      local n = tonumber(ARGV[2])
      local ok = false
      if found then
        for i = 1, n do
          if ARGV[2 + i] == found then ok = true end
        end
      else
        ok = ARGV[1] == '1'
      end
      if not ok then return {'0', found} end
      local p = 3 + n
      if ARGV[p] == '1' then redis.call('SET', KEYS[1], ARGV[p + 1], 'PX', ARGV[p + 2]) end
      local trim = ARGV[p + 3]
      local a = p + 4
      local out = {'1', found}
      for k = 2, #KEYS do
        local m = tonumber(ARGV[a + 1])
        local args = {'XADD', KEYS[k], 'MAXLEN', trim, ARGV[a], '*'}
        for j = 1, 2 * m do args[#args + 1] = ARGV[a + 1 + j] end
        out[#out + 1] = redis.call(unpack(args))
        a = a + 2 + 2 * m
      end
      return out
      """, List.class);

  // KEYS: one stream per entry. ARGV: trim operator, then per entry: max length, m, m field-value pairs.
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> ALL = RedisScript.of("""
      local a = 2
      local out = {}
      for k = 1, #KEYS do
        local m = tonumber(ARGV[a + 1])
        local args = {'XADD', KEYS[k], 'MAXLEN', ARGV[1], ARGV[a], '*'}
        for j = 1, 2 * m do args[#args + 1] = ARGV[a + 1 + j] end
        out[#out + 1] = redis.call(unpack(args))
        a = a + 2 + 2 * m
      end
      return out
      """, List.class);

  private final StringRedisTemplate redis;

  GuardedPublish(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** One entry to append: its stream, the stream's trim length and the entry's fields. */
  record Entry(String stream, long maxLength, Map<String, String> fields) {
  }

  /** Runs the script; throws Spring's {@link org.springframework.dao.DataAccessException} when Redis fails. */
  GuardOutcome run(KeyGuard guard, List<Entry> entries, boolean approximate) {
    List<String> keys = new ArrayList<>();
    keys.add(guard.key());
    List<String> args = new ArrayList<>();
    args.add(guard.absentAllowed() ? "1" : "0");
    args.add(Integer.toString(guard.allowed().size()));
    args.addAll(guard.allowed());
    args.add(guard.newValue() == null ? "0" : "1");
    args.add(guard.newValue() == null ? "" : guard.newValue());
    args.add(guard.newValue() == null ? "0" : Long.toString(guard.ttl().toMillis()));
    args.add(approximate ? "~" : "=");
    addEntries(entries, keys, args);
    List<?> reply = redis.execute(SCRIPT, keys, args.toArray());
    boolean published = reply != null && "1".equals(String.valueOf(reply.get(0)));
    String found = reply == null || reply.size() < 2 || reply.get(1) == null ? null : String.valueOf(reply.get(1));
    List<String> ids = new ArrayList<>();
    for (int i = 2; reply != null && i < reply.size(); i++) {
      ids.add(String.valueOf(reply.get(i)));
    }
    return new GuardOutcome(published, found, ids);
  }

  /**
   * Appends every entry, in order, in one script (all or none); the entry ids in order. Throws Spring's
   * {@link org.springframework.dao.DataAccessException} when Redis fails.
   */
  List<String> runAll(List<Entry> entries, boolean approximate) {
    if (entries.isEmpty()) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    List<String> args = new ArrayList<>();
    args.add(approximate ? "~" : "=");
    addEntries(entries, keys, args);
    List<?> reply = redis.execute(ALL, keys, args.toArray());
    List<String> ids = new ArrayList<>();
    if (reply != null) {
      reply.forEach(id -> ids.add(String.valueOf(id)));
    }
    return ids;
  }

  private static void addEntries(List<Entry> entries, List<String> keys, List<String> args) {
    for (Entry entry : entries) {
      keys.add(entry.stream());
      args.add(Long.toString(entry.maxLength()));
      args.add(Integer.toString(entry.fields().size()));
      entry.fields().forEach((field, value) -> {
        args.add(field);
        args.add(value);
      });
    }
  }
}
