package io.wasmhive.procedure.derive.sql;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical dump of a database: the bytes the state hash is the SHA-256 of, whose length is the database's
 * size against {@code max_db_bytes}, and which a snapshot carries. Independent of the engine and its on-disk
 * layout; the format is specified in docs/derivations.md ("State hash"):
 * {@code "WHDS" 01, u32 tables, per table (by name): str name, u32 columns, per column (by ordinal): str name,
 * u8 kind; u32 key columns, u32 index each; u64 rows, per row (by encoded primary key, or by the whole encoded
 * row without one): each value as tag + payload}. Blocks on the database; not thread-safe (one connection).
 */
public final class StateDump {

  static final byte[] MAGIC = {'W', 'H', 'D', 'S', 1};

  private StateDump() {
  }

  /** What a dump measured: its SHA-256 (hex) and its length in bytes; {@code bytes} only when asked for. */
  public record Result(String sha256, long size, byte[] bytes) {
  }

  /** Prepares (or hands back a kept) statement for a dump's SQL; the dump does not close it. */
  @FunctionalInterface
  interface Statements {
    PreparedStatement prepared(String sql) throws SQLException;
  }

  /**
   * Writes the dump of {@code tables} through a digest; keeps the bytes when {@code keep}. The statements come from
   * {@code statements}, which owns them (a database keeps its dump's statements: preparing them for every message
   * was most of a dump's cost on SQLite).
   */
  static Result write(Statements statements, List<TableInfo> tables, SqlEngine engine, boolean keep)
      throws SQLException {
    MessageDigest digest = sha256();
    ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
    Sink sink = new Sink(digest, kept);
    try (DataOutputStream out = new DataOutputStream(sink)) {
      out.write(MAGIC);
      out.writeInt(tables.size());
      for (TableInfo table : tables) {
        table(statements, table, engine, out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return new Result(HexFormat.of().formatHex(digest.digest()), sink.count, kept == null ? null : kept.toByteArray());
  }

  private static void table(Statements statements, TableInfo table, SqlEngine engine, DataOutputStream out)
      throws SQLException, IOException {
    ValueCodec.string(table.name(), out);
    out.writeInt(table.columns().size());
    for (TableInfo.Column column : table.columns()) {
      ValueCodec.string(column.name(), out);
      out.writeByte(column.kind().tag());
    }
    out.writeInt(table.primaryKey().size());
    for (int index : table.primaryKey()) {
      out.writeInt(index);
    }
    List<Row> rows = rows(statements, table, engine);
    out.writeLong(rows.size());
    for (Row row : rows) {
      out.write(row.encoded);
    }
  }

  private record Row(byte[] key, byte[] encoded) {
  }

  private static List<Row> rows(Statements statements, TableInfo table, SqlEngine engine)
      throws SQLException, IOException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = statements.prepared(selectAll(table)).executeQuery()) {
      while (rs.next()) {
        rows.add(row(rs, table, engine));
      }
    }
    rows.sort((a, b) -> Arrays.compareUnsigned(a.key, b.key));
    return rows;
  }

  private static Row row(ResultSet rs, TableInfo table, SqlEngine engine) throws SQLException, IOException {
    int n = table.columns().size();
    byte[][] values = new byte[n][];
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      ByteArrayOutputStream one = new ByteArrayOutputStream();
      ColumnKind kind = table.columns().get(i).kind();
      ValueCodec.encode(engine.read(rs, i + 1, kind), kind, new DataOutputStream(one));
      values[i] = one.toByteArray();
      all.write(values[i]);
    }
    byte[] encoded = all.toByteArray();
    if (table.primaryKey().isEmpty()) {
      return new Row(encoded, encoded);
    }
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    for (int index : table.primaryKey()) {
      key.write(values[index]);
    }
    return new Row(key.toByteArray(), encoded);
  }

  static String selectAll(TableInfo table) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < table.columns().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(quote(table.columns().get(i).name()));
    }
    return sql.append(" FROM ").append(quote(table.name())).toString();
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Feeds the digest (and the kept copy) and counts the bytes. */
  private static final class Sink extends OutputStream {
    private final MessageDigest digest;
    private final ByteArrayOutputStream kept;
    private long count;

    Sink(MessageDigest digest, ByteArrayOutputStream kept) {
      this.digest = digest;
      this.kept = kept;
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
      count++;
      if (kept != null) {
        kept.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
      count += len;
      if (kept != null) {
        kept.write(b, off, len);
      }
    }
  }
}
