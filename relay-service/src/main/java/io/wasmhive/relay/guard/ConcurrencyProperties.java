package io.wasmhive.relay.guard;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many executions one user may have running at once, across all relay instances ({@code relay.concurrency}).
 *
 * @param enabled whether the limit applies
 * @param perUser executions a user may have queued or running at once (default 8)
 * @param overrides per-user limits, {@code relay.concurrency.overrides.<user>=<n>}
 */
@ConfigurationProperties("relay.concurrency")
public record ConcurrencyProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("8") int perUser,
    Map<String, Integer> overrides) {

  public ConcurrencyProperties {
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    if (perUser < 1) {
      throw new IllegalArgumentException("relay.concurrency.per-user must be at least 1, was " + perUser);
    }
    overrides.forEach((user, value) -> {
      if (value == null || value < 1) {
        throw new IllegalArgumentException("relay.concurrency.overrides." + user + " must be at least 1");
      }
    });
  }

  int limitFor(String userId) {
    return overrides.getOrDefault(userId, perUser);
  }
}
