package io.wasmhive.procedure.derive.engine;

/**
 * A reducer module: its SHA-256 (hex, the executor's module id) and its bytes, which register it with the executor
 * when it is not cached.
 */
public record Reducer(String moduleSha256, byte[] bytes) {

  /** The export the host calls for each message: {@code reduce(msg_ptr, msg_len) -> i32}, 0 = applied. */
  public static final String EXPORT = "reduce";
}
