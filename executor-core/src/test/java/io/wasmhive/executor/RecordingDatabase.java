package io.wasmhive.executor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The outside world of executor-core's {@code db} imports: a map-backed {@link DatabaseHandler} that records
 * every call. {@code exec} stores its parameters under its SQL and answers the rows changed set for that SQL
 * (1 by default); {@code query} answers the rows set for its SQL ({@code [{"1":1}]} by default). SQL of the form
 * {@code FAIL <code> <message>} throws that {@link DatabaseException}; {@code BOOM} throws a runtime exception
 * carrying a secret; {@code NEGATIVE} answers a negative row count; {@code NULL} answers no rows document;
 * {@code ROWS <n>} answers a JSON array of exactly n bytes. Thread-safe.
 */
class RecordingDatabase implements DatabaseHandler {

  static final String SECRET = "jdbc:secret://10.0.0.7/passwd";

  /** One call: {@code exec} or {@code query}, its SQL, parameters and timeout. */
  record Call(String kind, String sql, byte[] params, Duration timeout) {
    String paramsText() {
      return new String(params, StandardCharsets.UTF_8);
    }
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();
  final Map<String, Long> changed = new ConcurrentHashMap<>();
  final Map<String, byte[]> stored = new ConcurrentHashMap<>();

  @Override
  public long exec(String sql, byte[] paramsJson, Duration timeout) throws DatabaseException {
    calls.add(new Call("exec", sql, paramsJson, timeout));
    special(sql);
    if (sql.equals("NEGATIVE")) {
      return -5;
    }
    stored.put(sql, paramsJson);
    return changed.getOrDefault(sql, 1L);
  }

  @Override
  public byte[] query(String sql, byte[] paramsJson, Duration timeout) throws DatabaseException {
    calls.add(new Call("query", sql, paramsJson, timeout));
    special(sql);
    if (sql.equals("NULL")) {
      return null;
    }
    if (sql.startsWith("ROWS ")) {
      return rowsOfLength(Integer.parseInt(sql.substring(5)));
    }
    return "[{\"1\":1}]".getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON array of one object, exactly {@code length} bytes long (at least 10). */
  static byte[] rowsOfLength(int length) {
    return ("[{\"x\":\"" + "a".repeat(length - 10) + "\"}]").getBytes(StandardCharsets.UTF_8);
  }

  private static void special(String sql) throws DatabaseException {
    if (sql.startsWith("FAIL ")) {
      String[] parts = sql.split(" ", 3);
      throw new DatabaseException(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "");
    }
    if (sql.equals("BOOM")) {
      throw new IllegalStateException("connection to " + SECRET + " refused");
    }
  }

  List<String> sqls() {
    return calls.stream().map(Call::sql).toList();
  }
}
