package io.wasmhive.procedure.derive.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The SQL engines derivations can run on, by name, and the configured one new derivations get
 * ({@code derivation.sql-engine}). A derivation keeps its engine for life. Immutable; thread-safe.
 */
public final class SqlEngines {

  /** The engine of derivations stored before the engine was recorded: they were all created on H2. */
  public static final String LEGACY = "h2";

  private final Map<String, SqlEngine> engines = new LinkedHashMap<>();
  private final SqlEngine configured;

  /** SQLite (sqlite4j) and H2, {@code configured} the one new derivations get; fails on an unknown name. */
  public SqlEngines(String configured) {
    for (SqlEngine engine : new SqlEngine[] {new SqliteEngine(), new H2Engine()}) {
      engines.put(engine.name(), engine);
    }
    this.configured = engines.get(configured);
    if (this.configured == null) {
      throw new IllegalArgumentException("derivation.sql-engine must be one of " + names() + ", got " + configured);
    }
  }

  public SqlEngine configured() {
    return configured;
  }

  /** The engine called {@code name}; {@code null} is {@link #LEGACY}; fails when there is no such engine. */
  public SqlEngine of(String name) {
    SqlEngine engine = engines.get(name == null ? LEGACY : name);
    if (engine == null) {
      throw new IllegalArgumentException("unknown SQL engine '" + name + "': one of " + names());
    }
    return engine;
  }

  public Set<String> names() {
    return engines.keySet();
  }
}
