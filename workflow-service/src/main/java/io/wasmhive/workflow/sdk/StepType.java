package io.wasmhive.workflow.sdk;

/** What a step does; written {@code "contract"} or {@code "wasm"}. */
public enum StepType {
  /** A contract call (simulated by this service). */
  CONTRACT("contract"),
  /** A WebAssembly module run on the executor. */
  WASM("wasm");

  private final String wire;

  StepType(String wire) {
    this.wire = wire;
  }

  /** The name on the wire. */
  public String wire() {
    return wire;
  }

  /** The type of a wire name, or {@code null} when it is none. */
  public static StepType ofWire(String wire) {
    for (StepType type : values()) {
      if (type.wire.equals(wire)) {
        return type;
      }
    }
    return null;
  }
}
