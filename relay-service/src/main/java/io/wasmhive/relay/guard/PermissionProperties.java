package io.wasmhive.relay.guard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the permission check ({@code relay.permission}), the seed's "Antigone".
 *
 * @param enabled when false every request is allowed and the feature reads as off
 * @param defaultEffect what the local rules decide when none matches ({@code allow}, the dev default, or
 *     {@code deny})
 * @param rules rules from configuration, {@code relay.permission.rules[n].users/modules/effect}; they are
 *     evaluated before the rules of the MongoDB collection {@code relay_permission_rules}, first match wins
 * @param refresh how often the MongoDB rules are read again
 * @param remote an optional remote policy service, asked when the local rules do not deny
 */
@ConfigurationProperties("relay.permission")
public record PermissionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("allow") PermissionRule.Effect defaultEffect,
    List<PermissionRule> rules,
    @DefaultValue("5s") Duration refresh,
    @DefaultValue Remote remote) {

  public PermissionProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
    GuardSettings.requirePositive(refresh, "relay.permission.refresh");
  }

  /**
   * The remote policy endpoint: {@code POST url} with {@code {user_id, session_id, module, cid}}, answered by
   * {@code {allowed, reason}}. Taken from configuration only, never from a request.
   *
   * @param url the endpoint; unset means no remote service
   * @param timeout how long one call may take, response body included
   * @param minimumCalls calls the circuit breaker needs before it judges the failure rate
   * @param failureRate the percentage of failed calls (of the last {@code minimum-calls} at least) that opens
   *     the circuit
   * @param openDuration how long an open circuit denies before one call tries the service again
   */
  public record Remote(
      URI url,
      @DefaultValue("2s") Duration timeout,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("50") int failureRate,
      @DefaultValue("10s") Duration openDuration) {

    public Remote {
      // An empty RELAY_PERMISSION_URL means no remote service, not a relative URL.
      url = url == null || url.toString().isBlank() ? null : url;
      GuardSettings.requirePositive(timeout, "relay.permission.remote.timeout");
      GuardSettings.requirePositive(openDuration, "relay.permission.remote.open-duration");
      if (minimumCalls < 1) {
        throw new IllegalArgumentException("relay.permission.remote.minimum-calls must be at least 1");
      }
      if (failureRate < 1 || failureRate > 100) {
        throw new IllegalArgumentException("relay.permission.remote.failure-rate must be between 1 and 100");
      }
      if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
        throw new IllegalArgumentException("relay.permission.remote.url must be an http(s) URL, was " + url);
      }
    }

    /** Whether a remote service is configured. */
    boolean configured() {
      return url != null;
    }
  }
}
