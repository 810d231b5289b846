package io.wasmhive.workflow.wasmserver;

import tools.jackson.databind.JsonNode;

/**
 * A {@code /wasm/run} request refused before it ran: answered by {@link WasmServerErrors} with this status and
 * {@code {"jobId","ok":false,"error","durationMs"}} (no {@code stderr}, as the simulator).
 */
final class WasmServerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonNode jobId;
  private final long startedNanos;

  WasmServerException(int status, JsonNode jobId, String message, long startedNanos) {
    super(message);
    this.status = status;
    this.jobId = jobId;
    this.startedNanos = startedNanos;
  }

  int status() {
    return status;
  }

  JsonNode jobId() {
    return jobId;
  }

  long startedNanos() {
    return startedNanos;
  }
}
