package io.wasmhive.executor.internal.host;

/**
 * The guest's file descriptors: 0 stdin, 1 stdout, 2 stderr, 3 the pre-opened root {@code /}, and up to
 * {@link #MAX_OPEN} in all. New descriptors take the lowest free number, as in POSIX.
 */
final class FdTable {

  /** The most descriptors open at once, stdio and the pre-open included. */
  static final int MAX_OPEN = 256;

  static final int ROOT_FD = 3;

  private final Descriptor[] slots = new Descriptor[MAX_OPEN];

  FdTable(StdinSource stdin, OutputSink stdout, OutputSink stderr, VirtualDirectory root) {
    slots[0] = stdin;
    slots[1] = stdout;
    slots[2] = stderr;
    slots[ROOT_FD] = new OpenDirectory(root, "/");
  }

  /** The descriptor open as {@code fd}, or EBADF. */
  Descriptor get(int fd) {
    if (fd < 0 || fd >= MAX_OPEN || slots[fd] == null) {
      throw new WasiError(Errno.BADF);
    }
    return slots[fd];
  }

  /** The directory open as {@code fd}: EBADF when nothing is open there, ENOTDIR when it is no directory. */
  OpenDirectory directory(int fd) {
    if (get(fd) instanceof OpenDirectory directory) {
      return directory;
    }
    throw new WasiError(Errno.NOTDIR);
  }

  /** Whether another descriptor can be opened; callers check before changing the filesystem. */
  void requireFreeSlot() {
    freeSlot();
  }

  /** Opens {@code descriptor} at the lowest free number, or EMFILE. */
  int add(Descriptor descriptor) {
    int fd = freeSlot();
    slots[fd] = descriptor;
    return fd;
  }

  /** Removes {@code fd} and returns what it referred to. */
  Descriptor remove(int fd) {
    Descriptor descriptor = get(fd);
    slots[fd] = null;
    return descriptor;
  }

  private int freeSlot() {
    for (int fd = 0; fd < MAX_OPEN; fd++) {
      if (slots[fd] == null) {
        return fd;
      }
    }
    throw new WasiError(Errno.MFILE);
  }
}
