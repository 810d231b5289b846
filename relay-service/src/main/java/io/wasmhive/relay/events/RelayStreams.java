package io.wasmhive.relay.events;

/** The Redis streams of the relay (documented in {@code docs/events.md}). */
public final class RelayStreams {

  /** Accepted executions; consumer group {@link #EXECUTORS_GROUP}. */
  public static final String EXEC_REQUESTED = "wasm_exec_requested";
  /** Finished executions; read with plain XREAD by every relay instance. */
  public static final String EXEC_COMPLETED = "wasm_exec_completed";
  /** Lifecycle events for SSE; read with plain XREAD by every relay instance. */
  public static final String EXEC_EVENTS = "wasm_exec_events";
  /** The consumer group of executor consumers on {@link #EXEC_REQUESTED}. */
  public static final String EXECUTORS_GROUP = "executors";

  private RelayStreams() {
  }
}
