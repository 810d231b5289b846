package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The demo game's reducer ({@code guests/c/derive-game.c}, MVP and today's build) on each engine, one message per
 * execution in deterministic mode, against {@link GameTable}: the statements it sends, every rule code, a negative
 * database code passed through, and a short game to its victory.
 */
@OnBothEngines
class DeriveGameTest {

  private static final List<String> BUILDS = List.of("derive-game.wasm", "derive-game-today.wasm");
  private static final String SELECT_UNIT = "query SELECT team, x, y, hp FROM units WHERE id = ? ";
  private static final String SELECT_CELL = "query SELECT id FROM units WHERE x = ? AND y = ? AND hp > 0 ";

  private static WasmExecutor executor;

  @Parameter
  EngineChoice engine;

  @BeforeParameterizedClassInvocation
  static void start(EngineChoice engine) {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).engine(engine).build());
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    executor.close();
  }

  private static int apply(String build, GameTable table, String message) {
    ExecutionResult r = executor.execute(task(build).entry(Entry.message("reduce", utf8(message))).database(table)
        .deterministic(true).build());
    return r.orThrow().value().asInt();
  }

  @Test
  void aSpawnChecksTheIdAndTheCellThenInsertsOnce() {
    for (String build : BUILDS) {
      GameTable table = new GameTable();
      assertThat(apply(build, table, "{\"type\":\"spawn\",\"id\":1,\"team\":\"red\",\"x\":0,\"y\":0,\"hp\":10}"))
          .isZero();
      assertThat(table.calls).as(build).containsExactly(SELECT_UNIT + "[1]", SELECT_CELL + "[0,0]",
          "exec INSERT INTO units (id, team, x, y, hp) VALUES (?, ?, ?, ?, ?) [1,\"red\",0,0,10]");
      assertThat(table.units).containsEntry(1L, new GameTable.Unit("red", 0, 0, 10));
    }
  }

  @Test
  void aMalformedMessageIsRejectedWithoutAnyDatabaseCall() {
    for (String build : BUILDS) {
      GameTable table = new GameTable();
      for (String bad : List.of("", "not json", "[]", "{\"id\":1}", "{\"type\":5}", "{\"type\":\"move\",\"id\":1}",
          "{\"type\":\"spawn\",\"id\":1,\"team\":\"red\",\"x\":0,\"y\":0}",
          "{\"type\":\"move\",\"id\":1,\"x\":\"1\",\"y\":0}", "{\"type\":\"attack\",\"id\":1,\"target\":2.5}",
          "{\"type\":\"spawn\",\"id\":1,\"team\":7,\"x\":0,\"y\":0,\"hp\":10}",
          "{\"type\":\"attack\",\"id\":1,\"target\":{\"id\":2}}")) {
        assertThat(apply(build, table, bad)).as("%s: %s", build, bad).isEqualTo(2);
      }
      assertThat(apply(build, table, "{\"type\":\"teleport\",\"id\":1}")).isEqualTo(1);
      assertThat(apply(build, table, "{\"type\":\"heal\",\"id\":1}")).isEqualTo(1);
      assertThat(table.calls).isEmpty();
    }
  }

  @Test
  void everyRuleHasItsCode() {
    for (String build : BUILDS) {
      GameTable table = new GameTable();
      assertThat(apply(build, table, spawn(1, "red", 5, 5, 10))).isZero();
      assertThat(apply(build, table, spawn(2, "blue", 6, 6, 10))).isZero();
      assertThat(apply(build, table, spawn(3, "red", 4, 4, 10))).isZero();
      assertThat(apply(build, table, spawn(9, "green", 0, 0, 10))).as("bad team").isEqualTo(8);
      assertThat(apply(build, table, spawn(9, "red", 0, 0, 0))).as("hp 0").isEqualTo(8);
      assertThat(apply(build, table, spawn(9, "red", 0, 0, 101))).as("hp 101").isEqualTo(8);
      assertThat(apply(build, table, spawn(9, "red", 0, 0, 100))).as("hp 100").isZero();
      assertThat(apply(build, table, spawn(10, "red", 16, 0, 1))).as("x 16").isEqualTo(4);
      assertThat(apply(build, table, spawn(10, "red", 0, -1, 1))).as("y -1").isEqualTo(4);
      assertThat(apply(build, table, spawn(10, "blue", 15, 15, 1))).as("corner").isZero();
      assertThat(apply(build, table, spawn(1, "blue", 9, 9, 1))).as("id in use").isEqualTo(7);
      assertThat(apply(build, table, spawn(11, "blue", 5, 5, 1))).as("cell occupied").isEqualTo(5);
      assertThat(apply(build, table, move(42, 1, 1))).as("unknown unit").isEqualTo(3);
      assertThat(apply(build, table, move(1, 7, 5))).as("two steps").isEqualTo(4);
      assertThat(apply(build, table, move(1, 5, 5))).as("no step").isEqualTo(4);
      assertThat(apply(build, table, move(10, 16, 15))).as("off the board").isEqualTo(4);
      assertThat(apply(build, table, move(1, 6, 6))).as("occupied").isEqualTo(5);
      assertThat(apply(build, table, attack(1, 3))).as("same team").isEqualTo(6);
      assertThat(apply(build, table, attack(1, 1))).as("itself").isEqualTo(6);
      assertThat(apply(build, table, attack(3, 2))).as("two away").isEqualTo(4);
      assertThat(apply(build, table, attack(1, 42))).as("unknown target").isEqualTo(3);
      assertThat(apply(build, table, move(1, 4, 6))).as("diagonal step").isZero();
      table.failNextExec = DatabaseException.CONSTRAINT;
      assertThat(apply(build, table, move(1, 4, 7))).as("db code").isEqualTo(DatabaseException.CONSTRAINT);
      assertThat(table.units.get(1L)).isEqualTo(new GameTable.Unit("red", 4, 6, 10));
    }
  }

  @Test
  void aShortGameEndsWithOneTeamStanding() {
    for (String build : BUILDS) {
      GameTable table = new GameTable();
      assertThat(apply(build, table, spawn(1, "red", 0, 0, 10))).isZero();
      assertThat(apply(build, table, spawn(2, "blue", 2, 0, 4))).isZero();
      assertThat(table.livingTeams()).containsExactly("blue", "red");
      assertThat(apply(build, table, attack(1, 2))).as("not adjacent yet").isEqualTo(4);
      assertThat(apply(build, table, move(1, 1, 0))).isZero();
      assertThat(apply(build, table, attack(1, 2))).isZero();
      assertThat(table.units.get(2L).hp()).isEqualTo(1);
      assertThat(apply(build, table, attack(2, 1))).isZero();
      assertThat(apply(build, table, attack(1, 2))).isZero();
      assertThat(table.units.get(2L).hp()).as("floored at 0").isZero();
      assertThat(apply(build, table, attack(2, 1))).as("dead attacker").isEqualTo(3);
      assertThat(apply(build, table, attack(1, 2))).as("dead target").isEqualTo(3);
      assertThat(apply(build, table, move(2, 3, 0))).as("dead unit moves").isEqualTo(3);
      assertThat(apply(build, table, spawn(3, "blue", 2, 0, 5))).as("a dead unit's cell is free").isZero();
      assertThat(apply(build, table, spawn(2, "blue", 9, 9, 5))).as("a dead unit's id stays in use").isEqualTo(7);
      assertThat(apply(build, table, attack(1, 3))).isZero();
      assertThat(apply(build, table, attack(1, 3))).isZero();
      assertThat(table.livingTeams()).as(build).containsExactly("red");
    }
  }

  static String spawn(long id, String team, long x, long y, long hp) {
    return "{\"type\":\"spawn\",\"id\":" + id + ",\"team\":\"" + team + "\",\"x\":" + x + ",\"y\":" + y + ",\"hp\":"
        + hp + "}";
  }

  static String move(long id, long x, long y) {
    return "{\"type\":\"move\",\"id\":" + id + ",\"x\":" + x + ",\"y\":" + y + "}";
  }

  static String attack(long id, long target) {
    return "{\"type\":\"attack\",\"id\":" + id + ",\"target\":" + target + "}";
  }
}
