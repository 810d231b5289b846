package io.wasmhive.executor.internal.wasm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mutants of the mutation property test: {@value #COUNT} modules, mutant {@code i} made by a
 * {@link Mutator} of corpus module {@code i % n} (the valid modules of the guest corpus, sorted by name:
 * the deliberately malformed and invalid hostile ones have no structure to mutate) with a random sequence seeded from {@value #SEED} and {@code i}.
 * Changing the corpus, the mutator or these numbers changes the mutants: then
 * {@code scripts/mutants.sh} writes their expectations anew.
 */
final class Mutants {

  static final long SEED = 20_240_610L;
  static final int COUNT = 10_000;

  private Mutants() {
  }

  /**
   * The corpus modules mutants are made from, sorted by file name: those that parse with every feature, except the
   * workflow guests ({@code wf-*}, built later by the same toolchains from the same kinds of sources). The mutants
   * are drawn by index from this list, so a module added to it reshuffles all 10,000 and their committed verdicts;
   * keeping the list as the oracle was generated for keeps the oracle valid. Guests added after the oracle (listed
   * in {@link #ADDED_AFTER_ORACLE}) stay out of it until {@code scripts/mutants.sh} regenerates it.
   */
  static List<Path> sources() {
    return Corpus.modules().stream().filter(p -> !p.getFileName().toString().startsWith("wf-"))
        .filter(p -> !ADDED_AFTER_ORACLE.contains(p.getFileName().toString())).filter(Mutants::parses).toList();
  }

  /**
   * Corpus guests newer than the committed oracle: {@code wat-nan.wasm} (issue 15, the engines' NaN bits),
   * {@code wat-data-drop.wasm} (issue 15, instance reuse) and the derivation guests of issue 16 ({@code wat-db*},
   * {@code derive-*}, {@code rust-derive-template*}).
   */
  static final java.util.Set<String> ADDED_AFTER_ORACLE = java.util.Set.of("wat-nan.wasm", "wat-data-drop.wasm",
      "wat-db.wasm", "wat-db-noalloc.wasm", "wat-db-badalloc.wasm", "derive-hello.wasm", "derive-hello-today.wasm",
      "derive-game.wasm", "derive-game-today.wasm", "rust-derive-template.wasm", "rust-derive-template-today.wasm");

  private static boolean parses(Path module) {
    try {
      WasmParser.parse(Corpus.read(module), java.util.EnumSet.allOf(io.wasmhive.executor.WasmFeature.class));
      return true;
    } catch (io.wasmhive.executor.ExecutorException e) {
      return false;
    }
  }

  /** All mutants, in index order. */
  static List<byte[]> all() {
    return all(SEED, COUNT);
  }

  /** {@code count} mutants from {@code seed}, in index order: other sequences for exploratory runs. */
  static List<byte[]> all(long seed, int count) {
    List<Mutator> mutators = sources().stream().map(p -> new Mutator(Corpus.read(p))).toList();
    if (mutators.isEmpty()) {
      throw new AssertionError("the guest corpus is missing from the test resources");
    }
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(mutators.get(i % mutators.size()).mutate(new Random(mix(seed + i))));
    }
    return out;
  }

  /** SplitMix64's finaliser, so that neighbouring indices give unrelated random sequences. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
