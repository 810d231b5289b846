package io.wasmhive.executor;

import java.util.List;

/**
 * What one execution produced. A failed execution carries its error and whatever output the guest wrote
 * before it failed.
 *
 * @param taskId the task's id
 * @param error {@code null} on success
 * @param exitCode the WASI exit code (0 when the guest returned normally)
 * @param stdout what the guest wrote to stdout, at most {@code max_output} bytes
 * @param stderr what the guest wrote to stderr, at most {@code max_output} bytes
 * @param values the results of a typed call (empty otherwise)
 * @param output the result of a bytes call ({@code null} otherwise)
 * @param gasUsed gas consumed; exact and identical for the same module and input on every run
 * @param durationNanos wall-clock time of the execution on its worker, instantiation included
 * @param worker the name of the worker that ran it
 * @param engine the engine that ran it ({@code wasmtime} or {@code chicory}; empty when it never reached one)
 */
public record ExecutionResult(
    String taskId,
    ExecutorException error,
    int exitCode,
    byte[] stdout,
    byte[] stderr,
    List<WasmValue> values,
    byte[] output,
    long gasUsed,
    long durationNanos,
    String worker,
    String engine) {

  /** Whether the execution completed without error (a non-zero WASI exit code still counts as completed). */
  public boolean success() {
    return error == null;
  }

  /** This result, or its error thrown. */
  public ExecutionResult orThrow() {
    if (error != null) {
      throw error;
    }
    return this;
  }

  /** The single result value of a typed call. */
  public WasmValue value() {
    if (values.size() != 1) {
      throw new IllegalStateException("expected one result value, got " + values.size());
    }
    return values.get(0);
  }
}
