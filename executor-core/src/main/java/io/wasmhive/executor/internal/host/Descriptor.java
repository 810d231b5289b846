package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;

/**
 * What an open file descriptor refers to: a stdio stream, a virtual file or a virtual directory. The
 * defaults are the answers of a descriptor that cannot do the operation.
 */
interface Descriptor {

  /** Every right WASI preview1 defines (bits 0 to 29); rights are not enforced, so all are granted. */
  long ALL_RIGHTS = (1L << 30) - 1;

  /** The WASI filetype byte. */
  byte filetype();

  /** The rights reported by {@code fd_fdstat_get}. */
  default long rights() {
    return ALL_RIGHTS;
  }

  /**
   * Copies up to {@code max} bytes from the current position straight into guest memory at {@code address}
   * and returns how many (0 at the end). The caller has checked that the buffer lies in memory. No host
   * buffer is involved, so a guest asking for a huge read costs nothing beyond what there is to read.
   */
  default long readInto(GuestMemory memory, int address, long max) {
    throw new WasiError(Errno.BADF);
  }

  /**
   * Copies {@code length} bytes of guest memory at {@code address} straight to the current position. The
   * descriptor checks its budget (output limit, filesystem cap) before copying anything, so the host never
   * holds more than the budget allows, whatever length the guest asks for. The caller has checked that the
   * bytes lie in memory.
   */
  default void writeFrom(GuestMemory memory, int address, long length) {
    throw new WasiError(Errno.BADF);
  }

  /** Moves the position and returns the new one ({@code whence}: 0 set, 1 current, 2 end). */
  default long seek(long offset, int whence) {
    throw new WasiError(Errno.SPIPE);
  }

  /** How many bytes a read would return now, for {@code poll_oneoff}. */
  default long readable() {
    return 0;
  }

  /** The inode number reported by filestat calls. */
  default long inode() {
    return 0;
  }

  /** The size reported by filestat calls. */
  default long size() {
    return 0;
  }

  /** The fdflags reported by {@code fd_fdstat_get}. */
  default int fdflags() {
    return 0;
  }

  /** Applies {@code fd_fdstat_set_flags}; descriptors that have no flags ignore it. */
  default void setFdflags(int flags) {
  }
}
