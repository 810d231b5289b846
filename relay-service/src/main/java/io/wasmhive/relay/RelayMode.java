package io.wasmhive.relay;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * What one relay instance runs ({@code relay.mode}, {@code RELAY_MODE}): the HTTP API, the executor consumers, or
 * both. Written in any case; any other value stops the start with a message naming the allowed ones.
 */
public enum RelayMode {

  /** The HTTP API (intent, SSE, names, health) and the executor consumers. */
  ALL,

  /** The HTTP API only: requests are queued for executors elsewhere; no executor pool. */
  API,

  /** The executor consumers only (scale-out): no intent API and no SSE. */
  WORKER;

  static final String PROPERTY = "relay.mode";

  /** Whether this mode serves the HTTP API. */
  public boolean servesApi() {
    return this != WORKER;
  }

  /** Whether this mode runs executor consumers. */
  public boolean runsExecutors() {
    return this != API;
  }

  /** The configured mode, or {@link RelayProperties}'s default when none is set. */
  public static RelayMode of(Environment environment) {
    String value = environment.getProperty(PROPERTY);
    return value == null ? RelayProperties.defaults().mode() : parse(value);
  }

  /**
   * The mode a value names, in any case and with surrounding blanks ignored.
   *
   * @throws IllegalStateException naming the allowed values, when it names none
   */
  public static RelayMode parse(String value) {
    String name = value.trim().toUpperCase(Locale.ROOT);
    for (RelayMode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw new IllegalStateException(PROPERTY + " (RELAY_MODE) must be one of " + allowed() + " in any case, was \""
        + value + "\"");
  }

  private static String allowed() {
    return Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
