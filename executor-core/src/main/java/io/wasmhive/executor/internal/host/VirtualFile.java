package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import java.util.Arrays;

/**
 * A regular file of the virtual filesystem, held in memory. Its bytes count against the filesystem's
 * {@link ByteBudget} for as long as it is linked into a directory or open, like a POSIX inode.
 */
final class VirtualFile extends VfsNode {

  static final byte FILETYPE = 4;

  private final ByteBudget budget;
  private byte[] data = new byte[0];
  private int size;
  private int openCount;
  private boolean linked = true;

  VirtualFile(long inode, ByteBudget budget) {
    super(inode);
    this.budget = budget;
  }

  @Override
  byte filetype() {
    return FILETYPE;
  }

  @Override
  long size() {
    return size;
  }

  /** Copies up to {@code max} bytes from {@code position} to guest memory; returns the count, 0 at or past the end. */
  int readInto(GuestMemory memory, int address, long position, long max) {
    if (position >= size) {
      return 0;
    }
    int count = (int) Math.min(max, size - position);
    memory.write(address, data, (int) position, count);
    return count;
  }

  /**
   * Copies {@code length} bytes of guest memory to {@code position}, growing the file first: ENOSPC beyond the
   * budget is decided before a byte is copied or a buffer grown for it.
   */
  void writeFrom(GuestMemory memory, int address, long position, long length) {
    long end = position + length;
    if (position < 0 || end < position) {
      throw new WasiError(Errno.NOSPC);
    }
    if (end > size) {
      resize(end, false);
    }
    memory.read(address, data, (int) position, (int) length);
  }

  /** The whole content. */
  byte[] contents() {
    return Arrays.copyOf(data, size);
  }

  /** Writes at {@code position}, growing the file (zero-filled) as needed; ENOSPC beyond the budget. */
  void write(long position, byte[] bytes, boolean hostWrite) {
    long end = position + bytes.length;
    if (position < 0 || end < position) {
      throw new WasiError(Errno.NOSPC);
    }
    if (end > size) {
      resize(end, hostWrite);
    }
    System.arraycopy(bytes, 0, data, (int) position, bytes.length);
  }

  /** Sets the size, zero-filling when it grows. */
  void resize(long newSize, boolean hostWrite) {
    if (newSize < 0 || newSize > VirtualFileSystem.MAX_BYTES) {
      throw new WasiError(newSize < 0 ? Errno.INVAL : Errno.NOSPC);
    }
    long delta = newSize - size;
    if (delta > 0) {
      if (hostWrite) {
        budget.force(delta);
      } else {
        budget.reserve(delta);
      }
    } else {
      budget.release(-delta);
    }
    ensureCapacity((int) newSize);
    if (newSize < size) {
      Arrays.fill(data, (int) newSize, size, (byte) 0);
    }
    size = (int) newSize;
  }

  void opened() {
    openCount++;
  }

  void closed() {
    openCount--;
    releaseIfUnreachable();
  }

  void unlinked() {
    linked = false;
    releaseIfUnreachable();
  }

  private void releaseIfUnreachable() {
    if (!linked && openCount == 0) {
      budget.release(size);
      size = 0;
      data = new byte[0];
    }
  }

  private void ensureCapacity(int needed) {
    if (needed > data.length) {
      // Doubling keeps appends cheap; the budget already bounds `needed`, so this stays bounded too.
      data = Arrays.copyOf(data, Math.max(needed, Math.min(data.length * 2, (int) VirtualFileSystem.MAX_BYTES)));
    }
  }
}
