package io.wasmhive.executor;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which WebAssembly engine an executor runs guests on ({@code WASM_ENGINE}). Both run the same instrumented
 * module, so results, traps, gas and limits do not depend on the choice (ADR 0021); what differs is speed and
 * where the engine runs. More choices may follow (a per-module {@code auto}).
 */
public enum EngineChoice {
  /** Wasmtime 7 through wasmtime-java (JNI, Cranelift); x86-64 only. The default. */
  WASMTIME,
  /** Chicory, pure Java: compiled to JVM bytecode, runs on any JVM and architecture. */
  CHICORY;

  /** The name {@code WASM_ENGINE} uses, e.g. {@code chicory}. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The choice a {@code WASM_ENGINE} value names, case-insensitively.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static EngineChoice parse(String setting) {
    String name = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
    for (EngineChoice c : values()) {
      if (c.settingName().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("WASM_ENGINE must be one of "
        + Arrays.stream(values()).map(EngineChoice::settingName).collect(Collectors.joining(", "))
        + ", got '" + setting + "'");
  }
}
