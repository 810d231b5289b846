package io.wasmhive.procedure.api;

/** The {@code latency_ms} of a response: milliseconds since the handler started, to the microsecond. */
final class Latency {

  private Latency() {
  }

  static double since(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
  }
}
