package io.wasmhive.procedure.derive.sql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * How SQLite's values map onto {@link ColumnKind}s. SQLite types a value, not its column: a column's declared type
 * only gives it an affinity, and a value the affinity cannot convert is stored as it came. So the kind of a column
 * comes from its declared type name (REAL and DOUBLE are both 8-byte doubles; DATE, TIME and TIMESTAMP are text),
 * and a stored value of another family fails the dump with {@link ValueTypeException}. Stateless.
 */
final class SqliteValues {

  private SqliteValues() {
  }

  static Optional<ColumnKind> kindOf(String typeName) {
    String type = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT).replaceAll("\\(.*", "").strip();
    return Optional.ofNullable(switch (type) {
      case "BOOLEAN" -> ColumnKind.BOOLEAN;
      case "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT" -> ColumnKind.INTEGER;
      case "DECIMAL", "NUMERIC" -> ColumnKind.DECIMAL;
      case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT" -> ColumnKind.DOUBLE;
      case "CHAR", "VARCHAR", "CHARACTER", "CHARACTER VARYING", "TEXT", "CLOB", "DATE", "TIME", "TIMESTAMP" ->
          ColumnKind.TEXT;
      case "BINARY", "VARBINARY", "BLOB" -> ColumnKind.BINARY;
      default -> null;
    });
  }

  static Object read(ResultSet rs, int index, ColumnKind kind) throws SQLException {
    Object value = rs.getObject(index);
    if (value == null) {
      return null;
    }
    Object read = switch (kind) {
      case INTEGER -> value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : null;
      case BOOLEAN -> value instanceof Integer i && (i == 0 || i == 1) ? i == 1 : null;
      case DOUBLE, REAL -> value instanceof Number n && !(value instanceof BigDecimal) ? n.doubleValue() : null;
      case DECIMAL -> decimal(value);
      case TEXT, DATE, TIME, TIMESTAMP -> value instanceof String ? value : null;
      case BINARY -> value instanceof byte[] ? value : null;
    };
    if (read == null) {
      String table = rs.getMetaData().getTableName(index);
      String column = rs.getMetaData().getColumnName(index);
      throw new ValueTypeException("column " + table + "." + column + " holds " + family(value) + ", not "
          + kind.name().toLowerCase(Locale.ROOT));
    }
    return kind == ColumnKind.REAL ? Float.valueOf(((Double) read).floatValue()) : read;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ValueCodec.canonical(BigDecimal.valueOf(((Number) value).longValue()));
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return ValueCodec.canonical(new BigDecimal(Double.toString(d)));
    }
    return null;
  }

  private static String family(Object value) {
    return value instanceof Integer || value instanceof Long ? "an integer"
        : value instanceof Number ? "a real" : value instanceof String ? "text" : "a blob";
  }
}
