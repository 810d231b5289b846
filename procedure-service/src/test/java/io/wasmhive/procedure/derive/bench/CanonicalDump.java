package io.wasmhive.procedure.derive.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The engine-independent state hash over plain JDBC: SHA-256 over the user tables by lower-cased name, their
 * columns, and their rows in primary-key order, each value typed (integer, real by its IEEE bits, text as UTF-8,
 * bytes, null). Not thread-safe per connection; blocks.
 */
final class CanonicalDump {

  private CanonicalDump() {
  }

  /** The hex SHA-256 of the canonical dump of the database behind {@code connection}. */
  static String hash(Connection connection) throws SQLException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(buffer);
      DatabaseMetaData meta = connection.getMetaData();
      for (TableRef table : tables(meta).values()) {
        writeText(out, table.name().toLowerCase(Locale.ROOT));
        dumpTable(connection, meta, table, out);
        out.flush();
        sha.update(buffer.toByteArray());
        buffer.reset();
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record TableRef(String schema, String name) {
  }

  private static TreeMap<String, TableRef> tables(DatabaseMetaData meta) throws SQLException {
    TreeMap<String, TableRef> byName = new TreeMap<>();
    try (ResultSet rs = meta.getTables(null, null, "%", null)) {
      while (rs.next()) {
        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
        String schema = rs.getString("TABLE_SCHEM");
        String name = rs.getString("TABLE_NAME");
        boolean user = (type.equals("TABLE") || type.equals("BASE TABLE"))
            && !"INFORMATION_SCHEMA".equalsIgnoreCase(schema) && !"pg_catalog".equalsIgnoreCase(schema)
            && !name.startsWith("sqlite_");
        if (user) {
          byName.put(name.toLowerCase(Locale.ROOT), new TableRef(schema, name));
        }
      }
    }
    return byName;
  }

  private static void dumpTable(Connection c, DatabaseMetaData meta, TableRef table, DataOutputStream out)
      throws SQLException, IOException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, table.schema(), table.name(), "%")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    TreeMap<Short, String> keyBySeq = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, table.schema(), table.name())) {
      while (rs.next()) {
        keyBySeq.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    if (keyBySeq.isEmpty()) {
      throw new SQLException("table " + table.name() + " has no primary key: its row order is not defined");
    }
    out.writeInt(columns.size());
    for (String column : columns) {
      writeText(out, column.toLowerCase(Locale.ROOT));
    }
    String q = meta.getIdentifierQuoteString().trim();
    String sql = "SELECT " + String.join(", ", columns.stream().map(n -> q + n + q).toList()) + " FROM "
        + (table.schema() == null ? "" : q + table.schema() + q + ".") + q + table.name() + q + " ORDER BY "
        + String.join(", ", keyBySeq.values().stream().map(n -> q + n + q).toList());
    try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        out.writeByte('(');
        for (int i = 1; i <= columns.size(); i++) {
          writeValue(out, rows.getObject(i));
        }
      }
    }
    out.writeByte('.');
  }

  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte('N');
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      integer(out, ((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      integer(out, b ? 1 : 0);
    } else if (value instanceof BigInteger b) {
      integer(out, b.longValueExact());
    } else if (value instanceof BigDecimal d) {
      if (d.stripTrailingZeros().scale() <= 0) {
        integer(out, d.longValueExact());
      } else {
        real(out, d.doubleValue());
      }
    } else if (value instanceof Double || value instanceof Float) {
      real(out, ((Number) value).doubleValue());
    } else if (value instanceof String s) {
      out.writeByte('T');
      writeText(out, s);
    } else if (value instanceof byte[] b) {
      out.writeByte('B');
      out.writeInt(b.length);
      out.write(b);
    } else {
      throw new IllegalArgumentException("no canonical encoding for " + value.getClass());
    }
  }

  private static void integer(DataOutputStream out, long value) throws IOException {
    out.writeByte('I');
    out.writeLong(value);
  }

  private static void real(DataOutputStream out, double value) throws IOException {
    out.writeByte('R');
    out.writeLong(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }
}
