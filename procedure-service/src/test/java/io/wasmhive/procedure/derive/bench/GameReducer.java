package io.wasmhive.procedure.derive.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies game messages to one database, one transaction each, with prepared statements — what a reducer does
 * through {@code db.exec}/{@code db.query}. A message that breaks a rule or a constraint is rolled back and
 * counted as rejected. Not thread-safe; blocks.
 */
final class GameReducer implements AutoCloseable {

  private static final String[] TEAMS = {"red", "blue"};

  private final Connection connection;
  private final Candidate engine;
  private final PreparedStatement spawn;
  private final PreparedStatement select;
  private final PreparedStatement move;
  private final PreparedStatement bury;
  private final PreparedStatement hit;
  private final PreparedStatement tally;
  private int applied;
  private int rejected;
  private int engineRolledBack;
  private SQLException lastError;

  GameReducer(Candidate engine, Connection connection) throws SQLException {
    this.connection = connection;
    this.engine = engine;
    spawn = connection.prepareStatement("INSERT INTO units (id, team, x, y, hp) VALUES (?, ?, ?, ?, ?)");
    select = connection.prepareStatement("SELECT team, x, y, hp FROM units WHERE id = ?");
    move = connection.prepareStatement("UPDATE units SET x = ?, y = ? WHERE id = ?");
    bury = connection.prepareStatement("DELETE FROM units WHERE id = ?");
    hit = connection.prepareStatement("UPDATE units SET hp = hp - ? WHERE id = ?");
    tally = connection.prepareStatement("UPDATE teams SET damage = damage + ? * 0.1, attacks = attacks + 1"
        + " WHERE name = ?");
  }

  /** Creates the game schema in {@code connection} and commits it. */
  static void createSchema(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String ddl : GameWorkload.SCHEMA) {
        s.execute(ddl);
      }
    }
    connection.commit();
  }

  /** Applies one message in its own transaction; true when committed, false when rolled back. */
  boolean apply(GameWorkload.Message m) throws SQLException {
    try {
      boolean ok = switch (m.kind()) {
        case SPAWN -> spawn(m);
        case MOVE -> move(m);
        case ATTACK -> attack(m);
      };
      if (ok) {
        connection.commit();
        applied++;
        return true;
      }
    } catch (SQLException e) {
      lastError = e;
    }
    rollback();
    rejected++;
    return false;
  }

  /**
   * Rolls the message back. On SQLITE_FULL (and NOMEM, IOERR) SQLite may already have rolled the whole transaction
   * back; the SQLite drivers' rollback() ("rollback;" then "begin;") then fails at its first half with "no
   * transaction is active" and never begins the next transaction, so the next message would run in auto-commit
   * unless the engine puts the driver back in step ({@link Candidate#afterEngineRollback}).
   */
  private void rollback() throws SQLException {
    try {
      connection.rollback();
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        throw e;
      }
      engineRolledBack++;
      engine.afterEngineRollback(connection);
    }
  }

  private boolean spawn(GameWorkload.Message m) throws SQLException {
    spawn.setInt(1, m.a());
    spawn.setString(2, TEAMS[m.b()]);
    spawn.setInt(3, m.c() / 32);
    spawn.setInt(4, m.c() % 32);
    spawn.setInt(5, m.d());
    return spawn.executeUpdate() == 1;
  }

  private boolean move(GameWorkload.Message m) throws SQLException {
    select.setInt(1, m.a());
    int x;
    int y;
    int hp;
    try (ResultSet unit = select.executeQuery()) {
      if (!unit.next()) {
        return false;
      }
      x = unit.getInt(2);
      y = unit.getInt(3);
      hp = unit.getInt(4);
    }
    if (hp == 0) {
      bury.setInt(1, m.a());
      return bury.executeUpdate() == 1;
    }
    move.setInt(1, Math.floorMod(x + m.b(), 32));
    move.setInt(2, Math.floorMod(y + m.c(), 32));
    move.setInt(3, m.a());
    return move.executeUpdate() == 1;
  }

  private boolean attack(GameWorkload.Message m) throws SQLException {
    select.setInt(1, m.a());
    String team;
    try (ResultSet attacker = select.executeQuery()) {
      if (!attacker.next() || attacker.getInt(4) == 0) {
        return false;
      }
      team = attacker.getString(1);
    }
    hit.setInt(1, m.c());
    hit.setInt(2, m.b());
    if (hit.executeUpdate() != 1) {
      return false;
    }
    tally.setInt(1, m.c());
    tally.setString(2, team);
    return tally.executeUpdate() == 1;
  }

  int applied() {
    return applied;
  }

  int rejected() {
    return rejected;
  }

  /** Rejected messages whose transaction the engine had already rolled back itself. */
  int engineRolledBack() {
    return engineRolledBack;
  }

  /** The last constraint error a rejected message raised, or null. */
  SQLException lastError() {
    return lastError;
  }

  @Override
  public void close() throws SQLException {
    for (Statement s : new Statement[] {spawn, select, move, bury, hit, tally}) {
      s.close();
    }
  }
}
