package io.wasmhive.procedure.store;

import java.util.Locale;
import java.util.Optional;

/**
 * The SQL-style types a procedure's parameters and result are declared with. The numeric types map to
 * WebAssembly values; {@code TEXT}, {@code BYTES} and {@code JSON} travel through the bytes ABI
 * (docs/procedures.md), and a procedure that declares any of them passes every parameter that way.
 */
public enum DataType {
  INT, BIGINT, FLOAT, DOUBLE, BOOL, TEXT, BYTES, JSON;

  /** Every type's name, for error messages. */
  public static final String NAMES = "INT, BIGINT, FLOAT, DOUBLE, BOOL, TEXT, BYTES and JSON";

  /** Whether values of this type can only travel through the bytes ABI. */
  public boolean needsBytesAbi() {
    return this == TEXT || this == BYTES || this == JSON;
  }

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
