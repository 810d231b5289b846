package io.wasmhive.platform.security;

/** Header values trusted as names: trimmed, 1..128 printable ASCII characters, anything else ignored. */
public final class HeaderValues {

  private static final int MAX_LENGTH = 128;

  private HeaderValues() {
  }

  /** The cleaned value, or null when the header is absent or not a usable name. */
  public static String name(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      return null;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return null;
      }
    }
    return trimmed;
  }
}
