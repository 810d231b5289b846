package io.wasmhive.procedure.derive.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded log of messages for the demo game reducer ({@code guests/c/derive-game.c}): 32 units a side spawned on
 * opposite edges of the 16 × 16 board, then moves toward the nearest enemy and attacks on adjacent enemies, with
 * about one message in ten breaking a rule (too far, own team, unknown unit, unknown type, malformed). It follows
 * the rules itself to pick legal moves, so most messages are applied. Not thread-safe.
 */
final class GameLog {

  static final String SCHEMA = "CREATE TABLE units (id INTEGER PRIMARY KEY, team TEXT NOT NULL, x INTEGER NOT NULL,"
      + " y INTEGER NOT NULL, hp INTEGER NOT NULL CHECK (hp >= 0))";
  static final String VICTORY = "SELECT team FROM units WHERE hp > 0 GROUP BY team ORDER BY team";

  private static final int SIDE = 16;
  private static final int PER_TEAM = 32;

  private final SplittableRandom random;
  private final List<int[]> units = new ArrayList<>(); // id, team (0 red, 1 blue), x, y, hp

  private GameLog(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The first {@code count} messages of the game seeded by {@code seed}, each as UTF-8 JSON. */
  static List<byte[]> messages(long seed, int count) {
    return new GameLog(seed).generate(count);
  }

  private List<byte[]> generate(int count) {
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next(i).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private String next(int index) {
    if (index < 2 * PER_TEAM) {
      int team = index % 2;
      int id = index + 1;
      int x = team == 0 ? index / 2 % 4 : SIDE - 1 - index / 2 % 4;
      int y = index / 8;
      units.add(new int[] {id, team, x, y, 100});
      return "{\"type\":\"spawn\",\"id\":" + id + ",\"team\":\"" + (team == 0 ? "red" : "blue") + "\",\"x\":" + x
          + ",\"y\":" + y + ",\"hp\":100}";
    }
    if (random.nextInt(10) == 0) {
      return illegal();
    }
    List<int[]> alive = units.stream().filter(u -> u[4] > 0).toList();
    int[] unit = alive.get(random.nextInt(alive.size()));
    int[] enemy = nearestEnemy(unit);
    if (enemy == null) {
      return wander(unit);
    }
    if (distance(unit, enemy) == 1) {
      enemy[4] = Math.max(0, enemy[4] - 3);
      return "{\"type\":\"attack\",\"id\":" + unit[0] + ",\"target\":" + enemy[0] + "}";
    }
    int x = unit[2] + Integer.signum(enemy[2] - unit[2]);
    int y = unit[3] + Integer.signum(enemy[3] - unit[3]);
    return free(x, y) ? move(unit, x, y) : wander(unit);
  }

  private String wander(int[] unit) {
    for (int attempt = 0; attempt < 8; attempt++) {
      int x = unit[2] + random.nextInt(3) - 1;
      int y = unit[3] + random.nextInt(3) - 1;
      if ((x != unit[2] || y != unit[3]) && x >= 0 && y >= 0 && x < SIDE && y < SIDE && free(x, y)) {
        return move(unit, x, y);
      }
    }
    return illegal();
  }

  private String move(int[] unit, int x, int y) {
    unit[2] = x;
    unit[3] = y;
    return "{\"type\":\"move\",\"id\":" + unit[0] + ",\"x\":" + x + ",\"y\":" + y + "}";
  }

  private String illegal() {
    int[] unit = units.get(random.nextInt(units.size()));
    return switch (random.nextInt(5)) {
      case 0 -> "{\"type\":\"move\",\"id\":" + unit[0] + ",\"x\":" + Math.min(SIDE - 1, unit[2] + 3) + ",\"y\":"
          + unit[3] + "}";
      case 1 -> "{\"type\":\"attack\",\"id\":" + unit[0] + ",\"target\":" + unit[0] + "}";
      case 2 -> "{\"type\":\"move\",\"id\":" + (1000 + random.nextInt(1000)) + ",\"x\":1,\"y\":1}";
      case 3 -> "{\"type\":\"heal\",\"id\":" + unit[0] + "}";
      default -> "{\"type\":\"move\",\"id\":\"" + unit[0] + "\"}";
    };
  }

  private int[] nearestEnemy(int[] unit) {
    int[] best = null;
    for (int[] other : units) {
      if (other[4] > 0 && other[1] != unit[1] && (best == null || distance(unit, other) < distance(unit, best))) {
        best = other;
      }
    }
    return best;
  }

  private boolean free(int x, int y) {
    return units.stream().noneMatch(u -> u[4] > 0 && u[2] == x && u[3] == y);
  }

  private static int distance(int[] a, int[] b) {
    return Math.max(Math.abs(a[2] - b[2]), Math.abs(a[3] - b[3]));
  }
}
