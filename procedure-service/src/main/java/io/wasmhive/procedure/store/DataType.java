package io.wasmhive.procedure.store;

import java.util.Locale;
import java.util.Optional;

/** The SQL-style types a procedure's parameters and result are declared with. */
public enum DataType {
  INT, BIGINT, FLOAT, DOUBLE, BOOL;

  /** The type named {@code name} (case-insensitive), or empty when there is none. */
  public static Optional<DataType> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
