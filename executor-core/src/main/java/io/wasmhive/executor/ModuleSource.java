package io.wasmhive.executor;

import java.util.Optional;

/**
 * Where an executor finds the bytes of a module a task names but its compiled-module cache does not hold
 * (never registered here, or evicted since): the executor asks for them by SHA-256, checks that they hash to
 * it, and registers them as {@link WasmExecutor#register} would. Services hand their module store in through
 * {@link ExecutorOptions.Builder#moduleSource}, so that no caller has to catch a cache miss and retry.
 *
 * <p>Called on a worker thread before the task's {@code max_time} starts (or on the thread calling
 * {@link WasmExecutor#load}), by several threads at once for different modules but once at a time for one
 * module. Implementations must be thread-safe and may block on I/O; the worker waits meanwhile.
 */
@FunctionalInterface
public interface ModuleSource {

  /** A source that has no module: a cache miss without the task's bytes is {@link ModuleNotFoundException}. */
  ModuleSource NONE = sha256 -> Optional.empty();

  /**
   * The bytes of the module whose SHA-256 is {@code sha256} (64 lower-case hex digits), or empty when the
   * source has no such module. What it throws fails the task with {@link HostFailureException} (retryable);
   * bytes that do not hash to {@code sha256} do too.
   */
  Optional<byte[]> bytes(String sha256);
}
