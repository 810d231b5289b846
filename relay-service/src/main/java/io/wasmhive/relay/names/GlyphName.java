package io.wasmhive.relay.names;

import java.util.regex.Pattern;

/**
 * A module name of the form {@code glyph://name@version}: {@code name} is 1 to 64 of {@code a-z 0-9 - _ .};
 * {@code version} is a semantic version ({@code 1.2.3}, {@code 1.0.0-rc.1+build.5}), a tag of 1 to 64 of
 * {@code A-Z a-z 0-9 . _ -}, or {@code latest} (the version registered most recently); without {@code @version}
 * it is {@code latest}.
 *
 * @param name the module's name
 * @param version its version, tag or {@code latest}
 */
public record GlyphName(String name, String version) {

  /** The scheme prefix. */
  public static final String SCHEME = "glyph://";
  /** The version that names the most recently registered one. */
  public static final String LATEST = "latest";

  private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  public GlyphName {
    requireName(name);
    requireVersion(version);
  }

  /**
   * Parses {@code glyph://name@version} (or {@code glyph://name}, meaning {@code latest}).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static GlyphName parse(String reference) {
    if (reference == null || !reference.startsWith(SCHEME)) {
      throw new IllegalArgumentException("a module name must start with " + SCHEME + ", got "
          + (reference == null ? "nothing" : "'" + reference + "'"));
    }
    String rest = reference.substring(SCHEME.length());
    int at = rest.indexOf('@');
    if (at < 0) {
      return new GlyphName(rest, LATEST);
    }
    if (rest.indexOf('@', at + 1) >= 0) {
      throw new IllegalArgumentException("a module name has one @ between name and version, got '" + reference + "'");
    }
    return new GlyphName(rest.substring(0, at), rest.substring(at + 1));
  }

  /** Whether the text starts with {@code glyph://} (it may still be invalid). */
  public static boolean isGlyph(String reference) {
    return reference != null && reference.startsWith(SCHEME);
  }

  /** Checks a name; throws {@link IllegalArgumentException} saying what is wrong. */
  public static String requireName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("the module name is empty");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("the module name '" + name
          + "' must be 1 to 64 lower-case letters, digits, '-', '_' or '.'");
    }
    return name;
  }

  /** Checks a version (or {@code latest}); throws {@link IllegalArgumentException} saying what is wrong. */
  public static String requireVersion(String version) {
    if (version == null || version.isEmpty()) {
      throw new IllegalArgumentException("the version is empty (leave out '@' for latest)");
    }
    if (version.length() > 64 || !(TAG.matcher(version).matches() || SEMVER.matcher(version).matches())) {
      throw new IllegalArgumentException("the version '" + version
          + "' must be a semantic version (1.2.3), a tag of 1 to 64 letters, digits, '.', '_' or '-', or latest");
    }
    return version;
  }

  /** Whether this names the most recently registered version. */
  public boolean isLatest() {
    return LATEST.equals(version);
  }

  @Override
  public String toString() {
    return SCHEME + name + "@" + version;
  }
}
