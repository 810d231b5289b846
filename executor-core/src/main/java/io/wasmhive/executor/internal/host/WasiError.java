package io.wasmhive.executor.internal.host;

/** Ends a WASI call early with an errno; caught by {@link WasiFunction} and returned to the guest. */
final class WasiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int errno;

  WasiError(int errno) {
    // No stack trace: this is control flow on a guest-driven path, not a host failure.
    super("errno " + errno, null, false, false);
    this.errno = errno;
  }

  int errno() {
    return errno;
  }
}
