package io.wasmhive.executor;

/** Stable names of executor errors, each marked retryable or not. */
public enum ErrorKind {
  /** The bytes are not a valid WebAssembly module (bad magic, bad section, failed validation). */
  INVALID_MODULE(false),
  /** The module is larger than the configured maximum. */
  MODULE_TOO_LARGE(false),
  /** The module uses a WebAssembly proposal that is off (WASM_FEATURES) or that the engine cannot run. */
  UNSUPPORTED_FEATURE(false),
  /** The module imports something the host does not provide. */
  UNKNOWN_IMPORT(false),
  /** No compiled module with that id is cached and no bytes were given to register it. */
  MODULE_NOT_FOUND(false),
  /** The task itself is malformed: missing export, wrong argument count or type, policy above the maxima. */
  INVALID_TASK(false),
  /** The execution ran longer than {@code max_time}. */
  TIMEOUT(false),
  /** The execution consumed all of {@code max_gas}. */
  OUT_OF_GAS(false),
  /** The module needs more memory than {@code max_memory} allows. */
  MEMORY_LIMIT(false),
  /** The guest wrote more than {@code max_output} bytes to stdout or stderr, or returned too much. */
  OUTPUT_LIMIT(false),
  /** The guest trapped (unreachable, out-of-bounds access, stack overflow, ...). */
  TRAP(false),
  /** The pool's queue is full: try again later. */
  OVERLOADED(true),
  /** The pool is shutting down and takes no new tasks. */
  SHUT_DOWN(true),
  /** A failure of the host itself, not of the guest. */
  INTERNAL(true);

  private final boolean retryable;

  ErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether an error of this kind may go away when the same task is tried again. */
  public boolean retryable() {
    return retryable;
  }
}
