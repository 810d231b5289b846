package io.wasmhive.platform.events;

import java.util.regex.Pattern;

/**
 * The names the bus accepts for streams, groups and consumers: 1 to 200 of {@code A-Z a-z 0-9 _ .
 * : - { }} (braces for Redis Cluster hash tags). Stream names follow the wire name of the event
 * they carry; see {@code docs/events.md}.
 */
public final class StreamNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:{}\\-]{1,200}");

  private StreamNames() {
  }

  /**
   * Returns the name if valid. Does not block.
   *
   * @param what what the name names, for the error message
   * @throws IllegalArgumentException if it is not valid
   */
  public static String require(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must be 1 to 200 of A-Z a-z 0-9 _ . : { } -, was "
          + (name == null ? "null" : "\"" + name + "\""));
    }
    return name;
  }
}
