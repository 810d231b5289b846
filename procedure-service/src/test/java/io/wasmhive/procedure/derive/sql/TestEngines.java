package io.wasmhive.procedure.derive.sql;

import java.util.Locale;

/** The SQL engines the engine-level tests run on, one instance each per JVM (SQLite's first open is slow). */
public final class TestEngines {

  /** The names {@code @ParameterizedClass} tests run over: the default engine first. */
  public static final String[] NAMES = {"sqlite", "h2"};
  private static final SqlEngines ENGINES = new SqlEngines("sqlite");

  private TestEngines() {
  }

  public static SqlEngine of(String name) {
    return ENGINES.of(name);
  }

  /**
   * An unquoted alias ({@code AS n}) as the engine labels it: upper-case on H2, as written on SQLite. (Table and
   * column names are upper-case on both: {@link SqlGuard} hands the schema over re-rendered from its tokens.)
   */
  public static String alias(String engine, String identifier) {
    return "h2".equals(engine) ? identifier.toUpperCase(Locale.ROOT) : identifier;
  }
}
