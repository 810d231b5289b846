package io.wasmhive.procedure.derive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scripted game log: spawns, moves and attacks over a 32×32 board, generated from a fixed seed so every
 * engine and every replay sees the same messages. Some fail a constraint on purpose (an id already taken, a cell
 * already occupied, an attack that would take hit points below zero) and are rolled back.
 */
final class GameWorkload {

  /** The schema, in the SQL all three engines accept unchanged. */
  static final List<String> SCHEMA = List.of(
      "CREATE TABLE units (id INTEGER PRIMARY KEY, team VARCHAR(8) NOT NULL, x INTEGER NOT NULL,"
          + " y INTEGER NOT NULL, hp INTEGER NOT NULL CHECK (hp >= 0), UNIQUE (x, y))",
      "CREATE TABLE teams (name VARCHAR(8) PRIMARY KEY, damage DOUBLE PRECISION NOT NULL,"
          + " attacks INTEGER NOT NULL)",
      "INSERT INTO teams (name, damage, attacks) VALUES ('red', 0.0, 0), ('blue', 0.0, 0)");

  /** What a message does. */
  enum Kind { SPAWN, MOVE, ATTACK }

  /**
   * One message of the log. SPAWN: id, team (0/1), cell (x * 32 + y), hp. MOVE: id, dx, dy. ATTACK: attacker,
   * target, damage.
   */
  record Message(Kind kind, int a, int b, int c, int d) {
  }

  private GameWorkload() {
  }

  /** The first {@code count} messages of the log for {@code seed}. */
  static List<Message> messages(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Message> log = new ArrayList<>(count);
    int spawned = 0;
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(100);
      if (spawned < 20 || roll < 25) {
        spawned++;
        // ids collide now and then (a primary-key violation), cells more often as the board fills
        int id = random.nextInt(10) == 0 ? 1 + random.nextInt(spawned) : spawned;
        int cell = random.nextInt(32 * 32);
        log.add(new Message(Kind.SPAWN, id, random.nextInt(2), cell, 5 + random.nextInt(16)));
      } else if (roll < 65) {
        log.add(new Message(Kind.MOVE, 1 + random.nextInt(spawned), random.nextInt(3) - 1,
            random.nextInt(3) - 1, 0));
      } else {
        log.add(new Message(Kind.ATTACK, 1 + random.nextInt(spawned), 1 + random.nextInt(spawned),
            1 + random.nextInt(8), 0));
      }
    }
    return log;
  }
}
