package io.wasmhive.executor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WebAssembly proposals beyond the MVP, each named the way messages and {@code WASM_FEATURES} name it.
 *
 * <p>The default set is what today's toolchains emit: all of WebAssembly 2.0 except SIMD (mutable
 * globals, sign extension, non-trapping float-to-int, multi-value, bulk memory, reference types) plus
 * extended constant expressions. Rust 1.87+ (LLVM 20) enables exactly these by default, so a module
 * built with default settings must run. The engine is the bundled Wasmtime 7.0.1, which no longer gets
 * security fixes; ADR 0010 lists the advisories checked against it and why SIMD and threads stay off
 * by default. Exception handling, tail calls, multiple memories and 64-bit memory are recognised (so a
 * module using them gets a clear refusal) but that engine cannot run them: {@link #engineSupported()}.
 */
public enum WasmFeature {
  MUTABLE_GLOBALS("mutable globals", true),
  SIGN_EXTENSION("sign extension", false),
  SATURATING_FLOAT_TO_INT("non-trapping float-to-int", false),
  MULTI_VALUE("multi-value", false),
  BULK_MEMORY("bulk memory", false),
  REFERENCE_TYPES("reference types", true),
  EXTENDED_CONST("extended constant expressions", true),
  SIMD("SIMD", false),
  THREADS("threads", true),
  EXCEPTIONS("exception handling", false),
  TAIL_CALLS("tail calls", true),
  MULTI_MEMORY("multiple memories", true),
  MEMORY64("64-bit memory", false);

  private final String label;
  private final boolean plural;

  WasmFeature(String label, boolean plural) {
    this.label = label;
    this.plural = plural;
  }

  /** How messages name the proposal, e.g. "reference types". */
  public String label() {
    return label;
  }

  /** The name {@code WASM_FEATURES} uses, e.g. {@code reference_types}. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the bundled engine can compile and run modules that use the proposal. */
  public boolean engineSupported() {
    return this != EXCEPTIONS && this != TAIL_CALLS && this != MULTI_MEMORY && this != MEMORY64;
  }

  /** "SIMD is off" or "reference types are off": the end of a refusal message. */
  public String offPhrase() {
    return label + (plural ? " are" : " is") + (engineSupported() ? " off, see WASM_FEATURES"
        : " not supported by the bundled Wasmtime 7.0.1");
  }

  /** What today's toolchains emit: WebAssembly 2.0 without SIMD, plus extended constant expressions. */
  public static Set<WasmFeature> defaults() {
    return EnumSet.of(MUTABLE_GLOBALS, SIGN_EXTENSION, SATURATING_FLOAT_TO_INT, MULTI_VALUE, BULK_MEMORY,
        REFERENCE_TYPES, EXTENDED_CONST);
  }

  /**
   * Applies a {@code WASM_FEATURES} value to the defaults: a comma-separated list of {@code +name} (turn on),
   * {@code -name} (turn off) or a bare {@code name} (on). Names are {@link #settingName()}s; hyphens and
   * underscores are interchangeable and the toolchains' names (wasm-validate's and LLVM's, e.g.
   * {@code sign-ext}, {@code nontrapping-fptoint}, {@code multivalue}) are accepted too.
   *
   * @throws IllegalArgumentException naming an unknown feature, or one the engine cannot run
   */
  public static Set<WasmFeature> parse(String setting) {
    Set<WasmFeature> result = defaults();
    if (setting == null || setting.isBlank()) {
      return result;
    }
    List<String> unsupported = new ArrayList<>();
    for (String raw : setting.split(",")) {
      String token = raw.trim();
      if (token.isEmpty()) {
        continue;
      }
      boolean on = !token.startsWith("-");
      String name = token.startsWith("+") || token.startsWith("-") ? token.substring(1).trim() : token;
      WasmFeature feature = byName(name);
      if (on && !feature.engineSupported()) {
        unsupported.add(feature.settingName());
      }
      if (on) {
        result.add(feature);
      } else {
        result.remove(feature);
      }
    }
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException("WASM_FEATURES: " + String.join(", ", unsupported)
          + " cannot be turned on: the bundled Wasmtime 7.0.1 does not support " + (unsupported.size() > 1 ? "them" : "it"));
    }
    return result;
  }

  /** The feature a {@code WASM_FEATURES} name denotes. */
  static WasmFeature byName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
    for (WasmFeature f : values()) {
      if (f.settingName().equals(n)) {
        return f;
      }
    }
    return switch (n) {
      case "sign_ext" -> SIGN_EXTENSION;
      case "nontrapping_fptoint", "saturating_float_to_int", "sat_float_to_int" -> SATURATING_FLOAT_TO_INT;
      case "multivalue" -> MULTI_VALUE;
      case "mutable_global" -> MUTABLE_GLOBALS;
      case "reference_type", "ref_types" -> REFERENCE_TYPES;
      case "extended_const_expressions" -> EXTENDED_CONST;
      case "exception_handling" -> EXCEPTIONS;
      case "tail_call" -> TAIL_CALLS;
      case "memory_64" -> MEMORY64;
      default -> throw new IllegalArgumentException("WASM_FEATURES: unknown feature '" + name + "'; known: "
          + String.join(", ", java.util.Arrays.stream(values()).map(WasmFeature::settingName).toList()));
    };
  }
}
