package io.wasmhive.executor.internal.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * wabt's verdict on each mutant, as committed in {@code src/test/resources/mutants/expectations.txt}: one
 * line per mutant with its index, the SHA-256 of its bytes, its {@link Verdict} and, unless valid,
 * wasm-validate's first error without its offset. {@code scripts/mutants.sh} writes the file by running
 * wasm-validate with the default features ({@link #WASM_VALIDATE_FLAGS}) on every mutant, and once more
 * with {@code --no-debug-names} on each it refuses.
 */
record MutantExpectations(List<Expectation> lines) {

  static final String RESOURCE = "/mutants/expectations.txt";
  /** The source file, relative to executor-core, that the regeneration writes. */
  static final Path SOURCE = Path.of("src/test/resources/mutants/expectations.txt");
  /**
   * wabt 1.0.32's defaults already include mutable globals, saturating float-to-int, sign extension,
   * multi-value, bulk memory and reference types; SIMD is on there and off here, extended-const the reverse.
   */
  static final List<String> WASM_VALIDATE_FLAGS = List.of("--disable-simd", "--enable-extended-const");

  /** What wasm-validate says of a mutant. */
  enum Verdict {
    /** Accepted. */
    VALID,
    /** Refused. */
    INVALID,
    /** Refused only for its {@code name} custom section: accepted with {@code --no-debug-names}. */
    INVALID_NAME_SECTION;

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static Verdict of(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  /** One mutant's expected verdict. */
  record Expectation(int index, String sha256, Verdict verdict, String error) {

    boolean valid() {
      return verdict == Verdict.VALID;
    }

    String line() {
      return index + " " + sha256 + " " + verdict.word() + (valid() ? "" : " " + error);
    }

    static Expectation parse(String line) {
      String[] parts = line.split(" ", 4);
      Verdict verdict = Verdict.of(parts[2]);
      return new Expectation(Integer.parseInt(parts[0]), parts[1], verdict, verdict == Verdict.VALID ? "" : parts[3]);
    }
  }

  /** The committed expectations; fails if the file is missing. */
  static MutantExpectations committed() {
    try (InputStream in = MutantExpectations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new AssertionError(RESOURCE + " is missing: regenerate it with scripts/mutants.sh");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new MutantExpectations(text.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(Expectation::parse).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs wasm-validate on every mutant, two at a time. Blocks. */
  static MutantExpectations fromWasmValidate(List<byte[]> mutants, Path dir) throws InterruptedException {
    ExternalTool wasmValidate = ExternalTool.require("wasm-validate", "wabt");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Expectation>> futures = new ArrayList<>();
      for (int i = 0; i < mutants.size(); i++) {
        int index = i;
        futures.add(pool.submit(() -> verdict(wasmValidate, index, mutants.get(index), dir)));
      }
      List<Expectation> lines = new ArrayList<>();
      for (Future<Expectation> f : futures) {
        lines.add(f.get());
      }
      return new MutantExpectations(lines);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Expectation verdict(ExternalTool wasmValidate, int index, byte[] mutant, Path dir) throws IOException {
    Path file = dir.resolve(index + ".wasm");
    Files.write(file, mutant);
    List<String> args = new ArrayList<>(WASM_VALIDATE_FLAGS);
    args.add(file.toString());
    ExternalTool.Result result = wasmValidate.run(args);
    Verdict verdict = Verdict.VALID;
    if (!result.ok()) {
      args.add(0, "--no-debug-names");
      verdict = wasmValidate.run(args).ok() ? Verdict.INVALID_NAME_SECTION : Verdict.INVALID;
    }
    Files.delete(file);
    String sha = InstrumentationDifferentialTest.sha256Hex(mutant);
    return new Expectation(index, sha, verdict, result.ok() ? "" : firstError(result.output()));
  }

  /** "0000123: error: type mismatch ..." becomes "type mismatch ...", on one line. */
  static String firstError(String output) {
    String first = output.lines().filter(l -> l.contains("error:")).findFirst().orElse(output.strip());
    String message = first.contains("error: ") ? first.substring(first.indexOf("error: ") + 7) : first;
    return message.isBlank() ? "(no message)" : message.replaceAll("\\s+", " ").strip();
  }

  /** Writes the file {@code scripts/mutants.sh} commits. */
  void write(Path file, String wabtVersion) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("# wasm-validate's verdict on each mutant of MutationPropertyTest: index, SHA-256, verdict, first error;");
    out.add("# invalid-name-section: refused, but accepted with --no-debug-names (only the name section is at fault).");
    out.add("# Written by scripts/mutants.sh (" + wabtVersion + ", wasm-validate " + String.join(" ", WASM_VALIDATE_FLAGS)
        + ", " + Mutants.COUNT + " mutants from seed " + Mutants.SEED + "); do not edit.");
    lines.forEach(e -> out.add(e.line()));
    Files.createDirectories(file.getParent());
    Files.write(file, out, StandardCharsets.UTF_8);
  }
}
