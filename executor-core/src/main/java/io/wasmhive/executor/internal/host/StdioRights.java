package io.wasmhive.executor.internal.host;

/** The type and rights stdio streams report, chosen for how wasi-libc buffers them. */
final class StdioRights {

  static final byte CHARACTER_DEVICE = 2;

  private static final long FD_SEEK = 1L << 2;
  private static final long FD_TELL = 1L << 5;

  /**
   * Without seek and tell, a character device looks like a terminal to wasi-libc's {@code isatty}, so
   * stdout is line-buffered. That matters here: guests are entered through {@code run()}, not
   * {@code _start}, so nothing flushes a fully buffered stdout at exit.
   */
  static final long RIGHTS = Descriptor.ALL_RIGHTS & ~(FD_SEEK | FD_TELL);

  private StdioRights() {
  }
}
