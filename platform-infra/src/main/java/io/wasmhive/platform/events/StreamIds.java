package io.wasmhive.platform.events;

import java.util.regex.Pattern;

/**
 * Stream entry ids ({@code 1767323045678-0}): validation and ordering, as Redis orders them. Does not
 * block; thread-safe.
 */
public final class StreamIds {

  private static final Pattern ID = Pattern.compile("\\d{1,20}(-\\d{1,20})?");

  /** The id before every possible entry. */
  public static final String BEFORE_ALL = "0-0";

  private StreamIds() {
  }

  /** Whether the text is an entry id a client may resume from. */
  public static boolean isValid(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return false;
    }
    try {
      parts(id);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Orders two valid ids as Redis does: by milliseconds, then by sequence ({@code 5} means {@code 5-0}). */
  public static int compare(String a, String b) {
    long[] x = parts(a);
    long[] y = parts(b);
    int byTime = Long.compareUnsigned(x[0], y[0]);
    return byTime != 0 ? byTime : Long.compareUnsigned(x[1], y[1]);
  }

  /** The later of two ids, either of which may be null. */
  public static String max(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return compare(a, b) >= 0 ? a : b;
  }

  private static long[] parts(String id) {
    int dash = id.indexOf('-');
    if (dash < 0) {
      return new long[] {Long.parseUnsignedLong(id), 0};
    }
    return new long[] {Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1))};
  }
}
