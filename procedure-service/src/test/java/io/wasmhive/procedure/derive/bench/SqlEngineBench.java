package io.wasmhive.procedure.derive.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the candidate engines in one JVM, engines interleaved so a shared machine's load hits them alike:
 * determinism (replays → distinct state and export hashes), speed, snapshot, size cap, start-up, memory and SQL
 * hazards. Arguments {@code key=value}: replays (100), runs (7), sizes (1000,10000), engines (all), sections
 * (all, or some of startup,determinism,speed,snapshot,cap,memory,hazards). Blocks.
 */
public final class SqlEngineBench {

  /** The game log's seed (issue 16, item 4); every engine and replay derives the same log from it. */
  static final long SEED = 164L;

  private SqlEngineBench() {
  }

  /** Runs every section and prints its table. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>(Map.of("replays", "100", "runs", "7", "sizes", "1000,10000",
        "engines", "sqlite4j,xerial,h2,h2-pg", "sections", "all"));
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      opts.put(kv[0], kv[1]);
    }
    List<Candidate> engines = new ArrayList<>();
    for (String name : opts.get("engines").split(",")) {
      engines.add(switch (name) {
        case "sqlite4j" -> SqliteCandidate.sqlite4j();
        case "xerial" -> SqliteCandidate.xerial();
        case "h2" -> H2Candidate.plain();
        case "h2-pg" -> H2Candidate.postgresMode();
        default -> throw new IllegalArgumentException("unknown engine " + name);
      });
    }
    List<Integer> sizes = new ArrayList<>();
    for (String size : opts.get("sizes").split(",")) {
      sizes.add(Integer.parseInt(size));
    }
    header(opts);
    String sections = opts.get("sections");
    Sections run = new Sections(engines, sizes, Integer.parseInt(opts.get("runs")));
    if (wanted(sections, "startup")) {
      run.startup();
    }
    if (wanted(sections, "determinism")) {
      run.determinism(Integer.parseInt(opts.get("replays")));
    }
    if (wanted(sections, "speed")) {
      run.speed();
    }
    if (wanted(sections, "snapshot")) {
      run.snapshot();
    }
    if (wanted(sections, "cap")) {
      run.sizeCap();
    }
    if (wanted(sections, "memory")) {
      run.memory();
    }
    if (wanted(sections, "hazards")) {
      run.hazards();
    }
    System.out.println("load average at end: " + loadAverage());
  }

  private static void header(Map<String, String> opts) throws Exception {
    System.out.println("== SQL engines for derivations: " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version") + ", " + Runtime.getRuntime().availableProcessors()
        + " cpus, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, options " + opts);
    System.out.println("load average at start: " + loadAverage());
    System.out.println("chicory runtime from: " + jarOf("com.dylibso.chicory.runtime.Instance"));
    System.out.println("chicory wasi from:    " + jarOf("com.dylibso.chicory.wasi.WasiPreview1"));
  }

  private static boolean wanted(String sections, String section) {
    return sections.equals("all") || List.of(sections.split(",")).contains(section);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String jarOf(String className) {
    try {
      return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath()
          .replaceAll(".*/repository/", "");
    } catch (ClassNotFoundException e) {
      return "(absent)";
    }
  }

  /** Applies the first {@code count} messages of the game log to a fresh database and returns it, committed. */
  static Connection derive(Candidate engine, List<GameWorkload.Message> log) throws Exception {
    Connection c = engine.open();
    GameReducer.createSchema(c);
    try (GameReducer reducer = new GameReducer(engine, c)) {
      for (GameWorkload.Message m : log) {
        reducer.apply(m);
      }
    }
    return c;
  }

  static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
