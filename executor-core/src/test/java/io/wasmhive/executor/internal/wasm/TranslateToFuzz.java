package io.wasmhive.executor.internal.wasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid modules from random bytes: binaryen's {@code wasm-opt -ttf} ("translate to fuzz", Debian's
 * binaryen 108) reads the bytes as a stream of decisions and writes a module that exports its functions,
 * {@code hashMemory} and {@code hangLimitInitializer}, and imports {@code fuzzing-support.log-i32},
 * {@code log-i64}, {@code log-f32} and {@code log-f64}. The same seed always gives the same module.
 *
 * <p>The features are the default set ({@link io.wasmhive.executor.WasmFeature#defaults()}) except two.
 * Reference types stay off because binaryen 108 implements a pre-standard form of them: with them on, 99
 * of 100 modules use {@code anyref}, typed function references ({@code (ref 0)} block types) or a
 * {@code funcref} where an {@code externref} is expected, which WebAssembly 2.0 (and wabt) refuse. Extended
 * constant expressions are not asked for because 108 never emits them: its output with
 * {@code --enable-extended-const} is byte-identical, and Wasmtime 7 could not run such an original anyway.
 * Reference types and extended constants are exercised by the mutation test and the validator tests instead.
 */
final class TranslateToFuzz {

  static final List<String> FEATURES = List.of("--enable-mutable-globals", "--enable-sign-ext",
      "--enable-nontrapping-float-to-int", "--enable-multivalue", "--enable-bulk-memory", "--disable-simd",
      "--disable-reference-types");

  private final ExternalTool wasmOpt = ExternalTool.require("wasm-opt", "binaryen");
  private final Path dir;

  TranslateToFuzz(Path dir) {
    this.dir = dir;
  }

  /** The module for {@code seed}: 1 to 12 KiB of {@code new Random(seed)} bytes through {@code wasm-opt -ttf}. Blocks. */
  byte[] generate(long seed) {
    Random random = new Random(seed);
    byte[] input = new byte[1024 + random.nextInt(11 * 1024)];
    random.nextBytes(input);
    Path in = dir.resolve(seed + ".bin");
    Path out = dir.resolve(seed + ".wasm");
    try {
      Files.write(in, input);
      List<String> args = new ArrayList<>(List.of("-ttf", in.toString(), "-o", out.toString()));
      args.addAll(FEATURES);
      ExternalTool.Result result = wasmOpt.run(args);
      if (!result.ok() || !Files.exists(out)) {
        throw new AssertionError("wasm-opt -ttf failed for seed " + seed + ": " + result.output());
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(in);
      delete(out);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
