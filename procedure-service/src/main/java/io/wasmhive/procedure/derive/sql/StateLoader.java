package io.wasmhive.procedure.derive.sql;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a {@link StateDump} into a database whose schema is already applied: the dump must name exactly the
 * schema's tables, columns and keys; rows are inserted with bound parameters (a dump is data, never SQL, so an
 * imported snapshot cannot run anything). Bounded by the dump's own length. Not thread-safe.
 */
final class StateLoader {

  private StateLoader() {
  }

  static void load(Connection connection, List<TableInfo> tables, byte[] dump) throws SQLException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(dump))) {
      if (!Arrays.equals(in.readNBytes(StateDump.MAGIC.length), StateDump.MAGIC)) {
        throw new SqlRefusedException("the snapshot is not a state dump of format 1");
      }
      int count = in.readInt();
      if (count != tables.size()) {
        throw new SqlRefusedException("the snapshot has " + count + " tables; the schema has " + tables.size());
      }
      for (TableInfo table : tables) {
        table(connection, table, in, dump.length);
      }
      if (in.read() >= 0) {
        throw new SqlRefusedException("the snapshot has bytes after its last table");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof SqlRefusedException refused) {
        throw refused;
      }
      throw new SqlRefusedException("the snapshot does not decode: " + e.getMessage());
    }
  }

  private static void table(Connection connection, TableInfo table, DataInputStream in, int max)
      throws IOException, SQLException {
    String name = ValueCodec.readString(in, max);
    int columns = in.readInt();
    if (!name.equals(table.name()) || columns != table.columns().size()) {
      throw new SqlRefusedException("the snapshot's table " + name + " does not match the schema's " + table.name());
    }
    for (TableInfo.Column column : table.columns()) {
      String columnName = ValueCodec.readString(in, max);
      int tag = in.readUnsignedByte();
      if (!columnName.equals(column.name()) || tag != column.kind().tag()) {
        throw new SqlRefusedException("the snapshot's column " + name + "." + columnName + " does not match the schema");
      }
    }
    int keys = in.readInt();
    if (keys != table.primaryKey().size()) {
      throw new SqlRefusedException("the snapshot's primary key of " + name + " does not match the schema");
    }
    for (int key : table.primaryKey()) {
      if (in.readInt() != key) {
        throw new SqlRefusedException("the snapshot's primary key of " + name + " does not match the schema");
      }
    }
    rows(connection, table, in, max);
  }

  private static void rows(Connection connection, TableInfo table, DataInputStream in, int max)
      throws IOException, SQLException {
    long rows = in.readLong();
    if (rows < 0 || rows > max) {
      throw new SqlRefusedException("the snapshot's row count of " + table.name() + " is out of bounds");
    }
    try (PreparedStatement insert = connection.prepareStatement(insertSql(table))) {
      for (long r = 0; r < rows; r++) {
        for (int i = 0; i < table.columns().size(); i++) {
          ValueCodec.bind(insert, i + 1, ValueCodec.decode(in, table.columns().get(i).kind(), max));
        }
        insert.addBatch();
        if (r % 1000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static String insertSql(TableInfo table) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(StateDump.quote(table.name())).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < table.columns().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(StateDump.quote(table.columns().get(i).name()));
      marks.append(i == 0 ? "?" : ", ?");
    }
    return sql.append(") VALUES (").append(marks).append(')').toString();
  }
}
