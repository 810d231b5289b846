package io.wasmhive.procedure.derive.engine;

import io.wasmhive.executor.EngineChoice;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.sql.SqlBounds;
import io.wasmhive.procedure.derive.sql.SqlEngine;
import io.wasmhive.procedure.derive.sql.SqlEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The issue-16 goals for derivations, in process (not a test; {@code scripts/bench-derivations.sh} runs it): the
 * demo game reducer ({@code derive-game-today.wasm}, today's C feature set) over a seeded {@link GameLog}, through
 * {@link DerivationEngine} (the executor, deterministic mode, one transaction per message, the state hash after
 * each message) on each SQL engine. Prints: 1,000 messages from an empty database (median of the 100 replays, and
 * how many distinct final hashes they gave); 10,100 messages from scratch; the canonical snapshot at 10,000 and its
 * restore time; restore + the last 100 messages against 10,100 from scratch, and that both end on one hash.
 *
 * <pre>DerivationBench REDUCER.wasm WASM_ENGINE SQL_ENGINE...</pre>
 */
public final class DerivationBench {

  private static final SqlBounds BOUNDS = new SqlBounds(1000, 1 << 20, 64, 64 * 1024);
  private static final MessageLimits LIMITS = new MessageLimits(10_000_000, 5_000, 16L << 20, 64L << 20);
  private static final long SEED = 16;

  private DerivationBench() {
  }

  public static void main(String[] args) throws Exception {
    byte[] wasm = Files.readAllBytes(Path.of(args[0]));
    Reducer reducer = new Reducer(Reducers.sha256(wasm), wasm);
    EngineChoice choice = EngineChoice.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
    SqlEngines engines = new SqlEngines(args[2]);
    List<byte[]> game = GameLog.messages(SEED, 10_100);
    try (WasmExecutor executor = WasmExecutor.create(ExecutorOptions.builder().engine(choice).build())) {
      DerivationEngine engine = new DerivationEngine(executor);
      for (String name : Arrays.copyOfRange(args, 2, args.length)) {
        run(engine, reducer, engines.of(name), name, game);
      }
    }
  }

  private static void run(DerivationEngine engine, Reducer reducer, SqlEngine sql, String name, List<byte[]> game)
      throws Exception {
    List<byte[]> first = game.subList(0, 1000);
    for (int i = 0; i < 5; i++) {
      derive(engine, reducer, sql, first).close(); // warm-up
    }
    long[] times = new long[100];
    Set<String> hashes = new HashSet<>();
    int applied = 0;
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      Derived d = derive(engine, reducer, sql, first);
      times[i] = System.nanoTime() - t0;
      hashes.add(d.last.stateHash());
      applied = d.applied;
      d.close();
    }
    System.out.printf("%s: 1,000 messages from empty: median %.1f ms (min %.1f, max %.1f) over 100 replays;"
        + " %d applied, %d rejected; distinct final state hashes: %d%n", name, median(times) / 1e6,
        Arrays.stream(times).min().getAsLong() / 1e6, Arrays.stream(times).max().getAsLong() / 1e6, applied,
        1000 - applied, hashes.size());

    long[] scratch = new long[3];
    String scratchHash = null;
    byte[] snapshot = null;
    for (int i = 0; i < scratch.length; i++) {
      long t0 = System.nanoTime();
      Derived d = derive(engine, reducer, sql, game);
      scratch[i] = System.nanoTime() - t0;
      scratchHash = d.last.stateHash();
      d.close();
    }
    try (Derived at10k = derive(engine, reducer, sql, game.subList(0, 10_000))) {
      snapshot = at10k.db.dump().bytes();
    }
    long[] restore = new long[20];
    for (int i = 0; i < restore.length; i++) {
      long t0 = System.nanoTime();
      DerivationDatabase db = DerivationDatabase.restore(sql, GameLog.SCHEMA, BOUNDS, snapshot);
      restore[i] = System.nanoTime() - t0;
      db.close();
    }
    long[] incremental = new long[10];
    String incrementalHash = null;
    for (int i = 0; i < incremental.length; i++) {
      long t0 = System.nanoTime();
      DerivationDatabase db = DerivationDatabase.restore(sql, GameLog.SCHEMA, BOUNDS, snapshot);
      Outcome last = null;
      for (byte[] message : game.subList(10_000, 10_100)) {
        last = engine.apply(reducer, LIMITS, db, message);
      }
      incremental[i] = System.nanoTime() - t0;
      incrementalHash = last.stateHash();
      db.close();
    }
    System.out.printf("%s: 10,100 messages from scratch: median %.1f ms; snapshot at 10,000: %,d bytes, restore"
        + " median %.2f ms (max %.2f); restore + 100 messages: median %.2f ms = %.0fx faster; same final hash: %s%n",
        name, median(scratch) / 1e6, snapshot.length, median(restore) / 1e6,
        Arrays.stream(restore).max().getAsLong() / 1e6, median(incremental) / 1e6,
        (double) median(scratch) / median(incremental), scratchHash.equals(incrementalHash));
  }

  private static Derived derive(DerivationEngine engine, Reducer reducer, SqlEngine sql, List<byte[]> messages)
      throws Exception {
    DerivationDatabase db = DerivationDatabase.create(sql, GameLog.SCHEMA, BOUNDS);
    Outcome last = null;
    int applied = 0;
    for (byte[] message : messages) {
      last = engine.apply(reducer, LIMITS, db, message);
      applied += last.applied() ? 1 : 0;
    }
    return new Derived(db, last, applied);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private record Derived(DerivationDatabase db, Outcome last, int applied) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
    }
  }
}
