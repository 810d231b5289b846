package io.wasmhive.executor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outside world of the game reducer ({@code derive-game}) in executor-core's tests: the {@code units} table as a
 * map, answering exactly the five statements the reducer sends (anything else is {@code SQL_ERROR}) and recording
 * every call as {@code "exec|query <sql> <params>"}. The schema's primary key and {@code CHECK (hp >= 0)} are
 * enforced as {@code CONSTRAINT}. Not thread-safe: one execution at a time.
 */
final class GameTable implements DatabaseHandler {

  /** One row of {@code units}. */
  record Unit(String team, long x, long y, long hp) {
  }

  private static final Pattern INTS = Pattern.compile("-?\\d+");
  private static final Pattern TEAM = Pattern.compile("\"(\\w+)\"");

  final Map<Long, Unit> units = new TreeMap<>();
  final List<String> calls = new ArrayList<>();
  /** When set, the next exec fails with this code. */
  Integer failNextExec;

  @Override
  public long exec(String sql, byte[] paramsJson, Duration timeout) throws DatabaseException {
    String params = new String(paramsJson, StandardCharsets.UTF_8);
    calls.add("exec " + sql + " " + params);
    if (failNextExec != null) {
      int code = failNextExec;
      failNextExec = null;
      throw new DatabaseException(code, "refused by the test");
    }
    List<Long> n = ints(params);
    switch (sql) {
      case "INSERT INTO units (id, team, x, y, hp) VALUES (?, ?, ?, ?, ?)" -> {
        if (units.containsKey(n.get(0))) {
          throw new DatabaseException(DatabaseException.CONSTRAINT, "UNIQUE constraint failed: units.id");
        }
        Matcher team = TEAM.matcher(params);
        team.find();
        units.put(n.get(0), new Unit(team.group(1), n.get(1), n.get(2), n.get(3)));
        return 1;
      }
      case "UPDATE units SET x = ?, y = ? WHERE id = ?" -> {
        Unit u = units.get(n.get(2));
        units.put(n.get(2), new Unit(u.team(), n.get(0), n.get(1), u.hp()));
        return 1;
      }
      case "UPDATE units SET hp = CASE WHEN hp > 3 THEN hp - 3 ELSE 0 END WHERE id = ?" -> {
        Unit u = units.get(n.get(0));
        units.put(n.get(0), new Unit(u.team(), u.x(), u.y(), Math.max(0, u.hp() - 3)));
        return 1;
      }
      default -> throw new DatabaseException(DatabaseException.SQL_ERROR, "unknown statement: " + sql);
    }
  }

  @Override
  public byte[] query(String sql, byte[] paramsJson, Duration timeout) throws DatabaseException {
    String params = new String(paramsJson, StandardCharsets.UTF_8);
    calls.add("query " + sql + " " + params);
    List<Long> n = ints(params);
    String rows = switch (sql) {
      // Upper-case labels, as H2 writes them: the reducer reads labels case-insensitively.
      case "SELECT team, x, y, hp FROM units WHERE id = ?" -> {
        Unit u = units.get(n.get(0));
        yield u == null ? "[]" : "[{\"TEAM\":\"" + u.team() + "\",\"X\":" + u.x() + ",\"Y\":" + u.y() + ",\"HP\":"
            + u.hp() + "}]";
      }
      case "SELECT id FROM units WHERE x = ? AND y = ? AND hp > 0" -> units.entrySet().stream()
          .filter(e -> e.getValue().x() == n.get(0) && e.getValue().y() == n.get(1) && e.getValue().hp() > 0)
          .map(e -> "{\"id\":" + e.getKey() + "}").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
      default -> throw new DatabaseException(DatabaseException.SQL_ERROR, "unknown query: " + sql);
    };
    return rows.getBytes(StandardCharsets.UTF_8);
  }

  /** The victory query's answer: the teams with a living unit, in order. */
  List<String> livingTeams() {
    return units.values().stream().filter(u -> u.hp() > 0).map(Unit::team).distinct().sorted().toList();
  }

  private static List<Long> ints(String params) {
    // Team names hold no digits, so every number in the array is an integer parameter, in order.
    return INTS.matcher(params.replaceAll("\"\\w*\"", "\"\"")).results().map(m -> Long.parseLong(m.group())).toList();
  }
}
