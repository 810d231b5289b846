package io.wasmhive.indexer.modules;

import io.wasmhive.indexer.api.ErrorCode;
import io.wasmhive.indexer.api.IndexerException;
import io.wasmhive.platform.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The bytes each principal uploads per UTC day, counted in Redis under
 * {@code indexer:upload-bytes:<day>:<principal>} (shared by every instance, kept across restarts, expiring two
 * days after its last upload). Charging is one script: it adds the upload and takes it back again when the sum
 * passes the limit, so a refused upload counts nothing and two racing uploads cannot both pass. Thread-safe;
 * blocks on Redis.
 */
@Component
class UploadQuota {

  static final String KEY_PREFIX = "indexer:upload-bytes:";

  private static final Duration KEEP = Duration.ofDays(2);

  private static final RedisScript<Long> CHARGE = RedisScript.of("""
      local used = redis.call('INCRBY', KEYS[1], ARGV[1])
      if used > tonumber(ARGV[2]) then
        redis.call('DECRBY', KEYS[1], ARGV[1])
        return -1
      end
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      return used
      """, Long.class);

  private final StringRedisTemplate redis;
  private final long limit;
  private final Clock clock;

  UploadQuota(StringRedisTemplate redis, ModulesProperties properties) {
    this.redis = redis;
    this.limit = properties.maxUploadBytesPerDay().toBytes();
    this.clock = Clock.systemUTC();
  }

  /**
   * Counts {@code bytes} against the caller's day, or fails with {@code UPLOAD_QUOTA_EXCEEDED}. Local mode's caller
   * (the developer of a loopback instance, who shares it with nobody) is not counted.
   */
  void charge(Caller caller, long bytes) {
    if (caller.source() == Caller.Source.LOCAL) {
      return;
    }
    Long used = redis.execute(CHARGE, List.of(key(caller.principal(), LocalDate.now(clock))), Long.toString(bytes),
        Long.toString(limit), Long.toString(KEEP.toSeconds()));
    if (used == null || used < 0) {
      throw new IndexerException(ErrorCode.UPLOAD_QUOTA_EXCEEDED, "this upload of " + bytes + " bytes would pass "
          + "the limit of " + limit + " bytes per principal and UTC day (indexer.modules.max-upload-bytes-per-day)");
    }
  }

  static String key(String principal, LocalDate day) {
    return KEY_PREFIX + day + ":" + principal;
  }
}
