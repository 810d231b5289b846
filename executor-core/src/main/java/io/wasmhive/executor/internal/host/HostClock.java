package io.wasmhive.executor.internal.host;

/** The guest's clocks, by WASI clock id: 0 realtime, 1 monotonic, 2 process CPU time, 3 thread CPU time. */
interface HostClock {

  /** The time of {@code clockId} in nanoseconds, or EINVAL for an unknown id. */
  long now(int clockId);

  /** The resolution of {@code clockId} in nanoseconds, or EINVAL for an unknown id. */
  long resolution(int clockId);

  /** Lets {@code nanos} pass for the guest ({@code poll_oneoff}); may return early at the deadline. */
  void sleep(long nanos);

  /** Fails with EINVAL unless {@code clockId} is one of the four WASI clocks. */
  static void requireKnown(int clockId) {
    if (clockId < 0 || clockId > 3) {
      throw new WasiError(Errno.INVAL);
    }
  }
}
