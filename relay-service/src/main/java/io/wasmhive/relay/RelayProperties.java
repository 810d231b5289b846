package io.wasmhive.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's own top-level setting, under {@code relay}; the features' settings have records of their own
 * ({@code relay.intent}, {@code relay.sse}, {@code relay.executor}, the guards'). The default lives in the
 * annotation below and nowhere else.
 *
 * @param mode what this instance runs: {@code all} (the HTTP API and executor consumers), {@code api} (the HTTP
 *     API only) or {@code worker} (executor consumers only); any case; {@code RELAY_MODE} sets it
 */
@ConfigurationProperties("relay")
public record RelayProperties(@DefaultValue("all") RelayMode mode) {

  private static final RelayProperties DEFAULTS = new Binder().bindOrCreate("relay", RelayProperties.class);

  /** The settings with every default and nothing configured. */
  public static RelayProperties defaults() {
    return DEFAULTS;
  }
}
