package io.wasmhive.executor.internal.host;

/** Counts the bytes the virtual filesystem holds against its cap. */
final class ByteBudget {

  private final long max;
  private long used;

  ByteBudget(long max) {
    this.max = max;
  }

  /** Takes {@code bytes} from the budget, or fails with ENOSPC when they do not fit. */
  void reserve(long bytes) {
    if (bytes > max - used) {
      throw new WasiError(Errno.NOSPC);
    }
    used += bytes;
  }

  /** Takes {@code bytes} even beyond the cap: only for what the host itself writes (RPC responses). */
  void force(long bytes) {
    used += bytes;
  }

  void release(long bytes) {
    used -= bytes;
  }

  long used() {
    return used;
  }
}
