package io.wasmhive.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a follow reads its stream. Immutable and validated when built; the defaults (in the annotations
 * below, and nowhere else) apply unless {@code wasmhive.events.follow} or the caller says otherwise.
 *
 * @param batchSize entries per {@code XREAD}, 1 to 10000
 * @param blockTimeout how long one read waits for new entries, 1 ms to 60 s; keep it below the Redis
 *     command timeout, and note that closing a follow waits for it
 */
public record FollowOptions(@DefaultValue("100") int batchSize, @DefaultValue("2s") Duration blockTimeout) {

  private static final FollowOptions DEFAULTS = new Binder().bindOrCreate("defaults", FollowOptions.class);

  public FollowOptions {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batchSize must be between 1 and 10000, was " + batchSize);
    }
    if (blockTimeout == null || blockTimeout.toMillis() < 1 || blockTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("blockTimeout must be between 1 ms and 60 s, was " + blockTimeout);
    }
  }

  /** The defaults, as the annotations give them. */
  public static FollowOptions defaults() {
    return DEFAULTS;
  }

  public FollowOptions withBatchSize(int value) {
    return new FollowOptions(value, blockTimeout);
  }

  public FollowOptions withBlockTimeout(Duration value) {
    return new FollowOptions(batchSize, value);
  }
}
