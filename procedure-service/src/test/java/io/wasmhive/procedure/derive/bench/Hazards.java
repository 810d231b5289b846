package io.wasmhive.procedure.derive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The hazard probes of {@link SqlEngineBench}: SQL whose answer a replay must not depend on (clock, randomness,
 * float formatting, id reuse), whether the engine can refuse it itself, and SQL that reaches the host. Blocks.
 */
final class Hazards {

  private Hazards() {
  }

  /** Prints, per engine, the answers to the probes. */
  static void print(List<Candidate> engines) throws Exception {
    System.out.printf("%n-- determinism hazards (two fresh databases each; 'differs' when the answers do)%n");
    String[] probes = {
        "SELECT random()", "SELECT RAND()", "SELECT CURRENT_TIMESTAMP", "SELECT now()",
        "SELECT CAST(CAST(0.1 AS DOUBLE PRECISION) + CAST(0.2 AS DOUBLE PRECISION) AS VARCHAR(40))",
        "SELECT CAST(1e300 * 1e10 AS VARCHAR(40))", "SELECT 7 / 2", "SELECT '10' < '9'",
        "SELECT typeof(1.0)", "SELECT 'a' || NULL"};
    for (Candidate engine : engines) {
      System.out.println(engine.name() + ":");
      for (String probe : probes) {
        String first = probe(engine, probe);
        String second = probe(engine, probe);
        System.out.printf("  %-92s -> %s%s%n", probe, first, first.equals(second) ? "" : "   (differs: " + second
            + ")");
      }
      System.out.printf("  %-92s -> %s%n", "id reuse after DELETE of the highest INTEGER PRIMARY KEY",
          rowidReuse(engine));
      System.out.printf("  %-92s -> %s%n", "the engine refuses random() and CURRENT_TIMESTAMP by itself",
          refusal(engine));
      hostAccess(engine);
    }
  }

  private static String probe(Candidate engine, String sql) {
    try (Connection c = engine.open()) {
      return Sections.text(c, sql);
    } catch (SQLException e) {
      return "error: " + e.getMessage().lines().findFirst().orElse("");
    }
  }

  private static String rowidReuse(Candidate engine) {
    try (Connection c = engine.open(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, v INTEGER)");
      s.execute("INSERT INTO r (v) VALUES (1)");
      s.execute("INSERT INTO r (v) VALUES (2)");
      s.execute("DELETE FROM r WHERE v = 2");
      s.execute("INSERT INTO r (v) VALUES (3)");
      return "ids " + Sections.text(c, "SELECT group_concat(id) FROM r");
    } catch (SQLException e) {
      return "error: " + e.getMessage().lines().findFirst().orElse("");
    }
  }

  /** SQL a hostile reducer could send that reaches the host's file system, and whether a file appeared there. */
  private static void hostAccess(Candidate engine) throws Exception {
    Path dir = Files.createTempDirectory("sql-engine-probe");
    Path secret = Files.writeString(dir.resolve("secret.txt"), "host file");
    Path out = dir.resolve("written.db");
    String[] probes = engine.name().startsWith("h2")
        ? new String[] {"SELECT FILE_READ('" + secret + "')", "SCRIPT TO '" + out + "'",
            "CREATE ALIAS HOST_ENV FOR 'java.lang.System.getenv(java.lang.String)'; SELECT HOST_ENV('PATH')"}
        : new String[] {"VACUUM INTO '" + out + "'", "ATTACH DATABASE '" + out + "' AS other",
            "SELECT load_extension('" + secret + "')"};
    for (String probe : probes) {
      String answer;
      try (Connection c = engine.open(); Statement s = c.createStatement()) {
        c.setAutoCommit(true);
        boolean rows = false;
        for (String statement : probe.split("; ")) {
          rows = s.execute(statement);
        }
        answer = rows && s.getResultSet().next() && s.getResultSet().getObject(1) != null
            ? "ran and returned a value" : "ran";
      } catch (SQLException e) {
        answer = "error: " + e.getMessage().lines().findFirst().orElse("");
      }
      boolean written = Files.exists(out);
      Files.deleteIfExists(out);
      System.out.printf("  %-92s -> %s%s%n", probe.replace(dir.toString(), "<tmp>"), answer,
          written ? "; a file appeared on the host" : "");
    }
    Files.delete(secret);
    Files.delete(dir);
  }

  private static String refusal(Candidate engine) {
    try (Connection c = engine.open()) {
      engine.refuseNondeterministic(c);
      return probeOn(c, "SELECT random()") + "; " + probeOn(c, "SELECT CURRENT_TIMESTAMP") + "; abs(-1) still "
          + probeOn(c, "SELECT abs(-1)");
    } catch (SQLException e) {
      return "cannot: " + e.getMessage().lines().findFirst().orElse("");
    }
  }

  private static String probeOn(Connection c, String sql) {
    try {
      return Sections.text(c, sql);
    } catch (SQLException e) {
      return "error: " + e.getMessage().lines().findFirst().orElse("");
    }
  }
}
