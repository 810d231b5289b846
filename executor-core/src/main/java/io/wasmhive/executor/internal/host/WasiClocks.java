package io.wasmhive.executor.internal.host;

/** WASI clocks and randomness. */
final class WasiClocks {

  /** random_get fills guest memory in pieces this big, so a huge request never needs a huge host array. */
  private static final int RANDOM_CHUNK = 64 * 1024;

  private final HostClock clock;
  private final RandomSource random;

  WasiClocks(HostClock clock, RandomSource random) {
    this.clock = clock;
    this.random = random;
  }

  void register(FunctionTable table) {
    table.wasi("clock_res_get", this::clockResGet);
    table.wasi("clock_time_get", this::clockTimeGet);
    table.wasi("random_get", this::randomGet);
  }

  private int clockResGet(CallArgs args) {
    args.memory().writeI64(args.i32(1), clock.resolution(args.i32(0)));
    return Errno.SUCCESS;
  }

  /** The precision argument is ignored: the host always answers as precisely as it can. */
  private int clockTimeGet(CallArgs args) {
    int resultPointer = args.i32(2);
    // Probe the result pointer first so a bad pointer does not consume a deterministic clock tick.
    args.memory().readI64(resultPointer);
    args.memory().writeI64(resultPointer, clock.now(args.i32(0)));
    return Errno.SUCCESS;
  }

  private int randomGet(CallArgs args) {
    int buffer = args.i32(0);
    long length = args.u32(1);
    // Bounds first, so a bad buffer does not advance the deterministic stream.
    CallArgs.requireInBounds(args.memory(), buffer, length);
    // One chunk for the whole call: the host allocates at most 64 KiB however many bytes the guest asks for.
    byte[] chunk = new byte[(int) Math.min(RANDOM_CHUNK, length)];
    for (long done = 0; done < length; done += chunk.length) {
      int count = (int) Math.min(chunk.length, length - done);
      if (count < chunk.length) {
        chunk = new byte[count];
      }
      random.fill(chunk);
      args.memory().write(buffer + (int) done, chunk);
    }
    return Errno.SUCCESS;
  }
}
