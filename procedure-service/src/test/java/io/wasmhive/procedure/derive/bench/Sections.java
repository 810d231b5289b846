package io.wasmhive.procedure.derive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The measured sections of {@link SqlEngineBench}, each printing one table. Not thread-safe; blocks. */
final class Sections {

  private final List<Candidate> engines;
  private final List<Integer> sizes;
  private final int runs;

  Sections(List<Candidate> engines, List<Integer> sizes, int runs) {
    this.engines = engines;
    this.sizes = sizes;
    this.runs = runs;
  }

  /** The first database each engine opens in this JVM (class loading, native extraction), then warm ones. */
  void startup() throws Exception {
    System.out.printf("%n-- start-up: open a new in-memory database and create the schema%n");
    System.out.printf("%-9s %14s %16s%n", "engine", "first (ms)", "warm median (ms)");
    for (Candidate engine : engines) {
      long t0 = System.nanoTime();
      try (Connection c = engine.open()) {
        GameReducer.createSchema(c);
      }
      double first = ms(System.nanoTime() - t0);
      double[] warm = new double[50];
      for (int i = 0; i < warm.length; i++) {
        long t = System.nanoTime();
        try (Connection c = engine.open()) {
          GameReducer.createSchema(c);
        }
        warm[i] = ms(System.nanoTime() - t);
      }
      System.out.printf("%-9s %14.1f %16.3f%n", engine.name(), first, median(warm));
    }
  }

  /** Replays each log {@code replays} times per engine: distinct canonical hashes and distinct export bytes. */
  void determinism(int replays) throws Exception {
    System.out.printf("%n-- determinism: %d replays per engine and size (load %s)%n", replays,
        SqlEngineBench.loadAverage());
    System.out.printf("%-9s %7s %9s %9s %8s %8s %-16s %-16s %8s%n", "engine", "msgs", "applied", "rejected",
        "states", "exports", "state hash", "export hash", "secs");
    for (int size : sizes) {
      List<GameWorkload.Message> log = GameWorkload.messages(size, SqlEngineBench.SEED);
      for (Candidate engine : engines) {
        Set<String> states = new HashSet<>();
        Set<String> exports = new HashSet<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < replays; r++) {
          try (Connection c = SqlEngineBench.derive(engine, log)) {
            states.add(CanonicalDump.hash(c));
            exports.add(SqlEngineBench.sha256(engine.export(c)));
          }
        }
        int[] counts = counts(engine, log);
        System.out.printf("%-9s %7d %9d %9d %8d %8d %-16s %-16s %8.1f%n", engine.name(), size, counts[0],
            counts[1], states.size(), exports.size(), states.iterator().next().substring(0, 16),
            exports.iterator().next().substring(0, 16), (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /** Derives each size from an empty database {@code runs} times, engines interleaved; median, min, max. */
  void speed() throws Exception {
    System.out.printf("%n-- speed: messages applied from an empty database, one transaction each (load %s)%n",
        SqlEngineBench.loadAverage());
    for (int size : sizes) {
      List<GameWorkload.Message> log = GameWorkload.messages(size, SqlEngineBench.SEED);
      double[][] times = new double[engines.size()][runs + 2];
      for (int r = 0; r < runs + 2; r++) {
        for (int e = 0; e < engines.size(); e++) {
          Candidate engine = engines.get(e);
          try (Connection c = engine.open()) {
            GameReducer.createSchema(c);
            try (GameReducer reducer = new GameReducer(engine, c)) {
              long t0 = System.nanoTime();
              for (GameWorkload.Message m : log) {
                reducer.apply(m);
              }
              times[e][r] = ms(System.nanoTime() - t0);
            }
          }
        }
      }
      System.out.printf("%-9s %7s %12s %10s %10s %12s%n", "engine", "msgs", "median (ms)", "min", "max",
          "us/message");
      for (int e = 0; e < engines.size(); e++) {
        double[] measured = Arrays.copyOfRange(times[e], 2, runs + 2);
        double med = median(measured);
        System.out.printf("%-9s %7d %12.1f %10.1f %10.1f %12.1f%n", engines.get(e).name(), size, med,
            Arrays.stream(measured).min().orElseThrow(), Arrays.stream(measured).max().orElseThrow(),
            med * 1000 / size);
      }
    }
  }

  /** Export of the largest state and its restore into a fresh database, checked by the canonical hash. */
  void snapshot() throws Exception {
    int size = sizes.get(sizes.size() - 1);
    List<GameWorkload.Message> log = GameWorkload.messages(size, SqlEngineBench.SEED);
    System.out.printf("%n-- snapshot of the %d-message state (load %s)%n", size, SqlEngineBench.loadAverage());
    System.out.printf("%-9s %12s %12s %13s %12s%n", "engine", "bytes", "export (ms)", "restore (ms)",
        "hash equal");
    for (Candidate engine : engines) {
      try (Connection c = SqlEngineBench.derive(engine, log)) {
        String hash = CanonicalDump.hash(c);
        double[] export = new double[runs + 2];
        double[] restore = new double[runs + 2];
        byte[] bytes = null;
        boolean equal = true;
        for (int r = 0; r < runs + 2; r++) {
          long t0 = System.nanoTime();
          bytes = engine.export(c);
          export[r] = ms(System.nanoTime() - t0);
          t0 = System.nanoTime();
          try (Connection restored = engine.restore(bytes)) {
            restore[r] = ms(System.nanoTime() - t0);
            equal &= hash.equals(CanonicalDump.hash(restored));
          }
        }
        System.out.printf("%-9s %12d %12.2f %13.2f %12s%n", engine.name(), bytes.length,
            median(Arrays.copyOfRange(export, 2, runs + 2)), median(Arrays.copyOfRange(restore, 2, runs + 2)),
            equal);
      }
    }
  }

  /**
   * Caps a database at 24 KiB and runs the largest log into it twice: where and how the cap rejects a message,
   * whether the capped replay is deterministic, and whether a transaction is still atomic afterwards.
   */
  void sizeCap() throws Exception {
    int size = sizes.get(sizes.size() - 1);
    long cap = 24 * 1024;
    List<GameWorkload.Message> log = GameWorkload.messages(size, SqlEngineBench.SEED);
    System.out.printf("%n-- size cap of %d bytes, %d messages%n", cap, size);
    for (Candidate engine : engines) {
      Set<String> hashes = new HashSet<>();
      String report = "";
      for (int replay = 0; replay < 2; replay++) {
        try (Connection c = engine.open()) {
          try {
            engine.cap(c, cap);
          } catch (UnsupportedOperationException e) {
            report = "no cap: " + engine.capMechanism();
            break;
          }
          GameReducer.createSchema(c);
          report = capRun(engine, c, log);
          hashes.add(CanonicalDump.hash(c));
        }
      }
      System.out.printf("%-9s %s%s%n", engine.name(), report,
          hashes.isEmpty() ? "" : "; capped replays' distinct hashes " + hashes.size());
    }
  }

  private static String capRun(Candidate engine, Connection c, List<GameWorkload.Message> log) throws Exception {
    int firstFull = -1;
    int full = 0;
    String error = "";
    try (GameReducer reducer = new GameReducer(engine, c)) {
      for (int i = 0; i < log.size(); i++) {
        if (!reducer.apply(log.get(i)) && reducer.lastError() != null
            && String.valueOf(reducer.lastError().getMessage()).contains("full")) {
          full++;
          if (firstFull < 0) {
            firstFull = i;
            SQLException e = reducer.lastError();
            error = e.getClass().getName() + " (SQLState " + e.getSQLState() + ", vendor code "
                + e.getErrorCode() + "): " + e.getMessage();
          }
        }
      }
      boolean atomic;
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE teams SET attacks = -1");
        c.rollback();
        atomic = !text(c, "SELECT min(attacks) FROM teams").equals("-1");
      }
      return engine.capMechanism() + "; first rejected as full: message " + firstFull + "; rejected as full "
          + full + " (engine had rolled back itself: " + reducer.engineRolledBack() + "), applied "
          + reducer.applied() + "; integrity_check " + text(c, "PRAGMA integrity_check") + "; atomic after: "
          + atomic + "\n          " + error;
    }
  }

  /** Heap and resident memory added by ten databases holding the largest state (run with a fixed heap). */
  void memory() throws Exception {
    int size = sizes.get(sizes.size() - 1);
    List<GameWorkload.Message> log = GameWorkload.messages(size, SqlEngineBench.SEED);
    System.out.printf("%n-- memory per database (10 open databases, empty and with the %d-message state)%n",
        size);
    System.out.printf("%-9s %7s %14s %14s%n", "engine", "msgs", "heap (KiB)", "rss (KiB)");
    for (Candidate engine : engines) {
      for (int n : new int[] {0, size}) {
        List<Connection> open = new ArrayList<>();
        long[] before = usage();
        for (int i = 0; i < 10; i++) {
          open.add(SqlEngineBench.derive(engine, log.subList(0, n)));
        }
        long[] after = usage();
        System.out.printf("%-9s %7d %14d %14d%n", engine.name(), n, (after[0] - before[0]) / 10 / 1024,
            (after[1] - before[1]) / 10 / 1024);
        for (Connection c : open) {
          c.close();
        }
      }
    }
  }

  /** What each engine answers to SQL that a replay must not depend on, or that reaches the host. */
  void hazards() throws Exception {
    Hazards.print(engines);
  }

  private static long[] usage() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    Runtime rt = Runtime.getRuntime();
    long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
    return new long[] {rt.totalMemory() - rt.freeMemory(), rss};
  }

  private static int[] counts(Candidate engine, List<GameWorkload.Message> log) throws Exception {
    try (Connection c = engine.open()) {
      GameReducer.createSchema(c);
      try (GameReducer reducer = new GameReducer(engine, c)) {
        for (GameWorkload.Message m : log) {
          reducer.apply(m);
        }
        return new int[] {reducer.applied(), reducer.rejected()};
      }
    }
  }

  static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? String.valueOf(rs.getString(1)) : "(no row)";
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
