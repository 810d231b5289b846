package io.wasmhive.procedure.derive.sql;

import java.sql.Types;
import java.util.Optional;

/**
 * The value families a derivation's columns may hold, engine-neutral: each has one canonical encoding in the state
 * dump ({@link StateDump}) and one JSON form in query results. The tag is the byte that introduces a value of the
 * family in the dump ({@code 0} is SQL {@code NULL}).
 */
public enum ColumnKind {
  BOOLEAN(1), INTEGER(2), DECIMAL(3), DOUBLE(4), REAL(5), TEXT(6), BINARY(7), DATE(8), TIME(9), TIMESTAMP(10);

  private final int tag;

  ColumnKind(int tag) {
    this.tag = tag;
  }

  /** The byte that introduces a non-null value of this kind in the dump. */
  public int tag() {
    return tag;
  }

  static ColumnKind ofTag(int tag) {
    for (ColumnKind kind : values()) {
      if (kind.tag == tag) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown value tag " + tag);
  }

  /** The kind of a JDBC type, or empty when derivations do not support it. */
  static Optional<ColumnKind> of(int jdbcType) {
    return Optional.ofNullable(switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
      case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
      case Types.DOUBLE, Types.FLOAT -> DOUBLE;
      case Types.REAL -> REAL;
      // H2 stores TEXT as CHARACTER LARGE OBJECT; to the dump it is text like VARCHAR.
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB, Types.NCLOB -> TEXT;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      case Types.DATE -> DATE;
      case Types.TIME -> TIME;
      case Types.TIMESTAMP -> TIMESTAMP;
      default -> null;
    });
  }
}
