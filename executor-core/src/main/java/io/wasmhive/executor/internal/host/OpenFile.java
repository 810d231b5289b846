package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;

/** A descriptor on a virtual file: a position, the append flag, and whether this descriptor wrote. */
final class OpenFile implements Descriptor {

  private static final int FDFLAG_APPEND = 1;

  private final VirtualFile file;
  private long position;
  private boolean append;
  private boolean written;

  OpenFile(VirtualFile file, boolean append) {
    this.file = file;
    this.append = append;
    file.opened();
  }

  VirtualFile file() {
    return file;
  }

  /** Whether the guest wrote or truncated the file through this descriptor; the RPC bridge asks. */
  boolean written() {
    return written;
  }

  void markWritten() {
    written = true;
  }

  @Override
  public byte filetype() {
    return VirtualFile.FILETYPE;
  }

  @Override
  public long readInto(GuestMemory memory, int address, long max) {
    int count = file.readInto(memory, address, position, max);
    position += count;
    return count;
  }

  @Override
  public void writeFrom(GuestMemory memory, int address, long length) {
    if (append) {
      position = file.size();
    }
    file.writeFrom(memory, address, position, length);
    position += length;
    written = true;
  }

  @Override
  public long seek(long offset, int whence) {
    long base = switch (whence) {
      case 0 -> 0;
      case 1 -> position;
      case 2 -> file.size();
      default -> throw new WasiError(Errno.INVAL);
    };
    long target = base + offset;
    if (target < 0 || (offset > 0 && target < base)) {
      throw new WasiError(Errno.INVAL);
    }
    position = target;
    return target;
  }

  @Override
  public long readable() {
    return Math.max(0, file.size() - position);
  }

  @Override
  public long inode() {
    return file.inode();
  }

  @Override
  public long size() {
    return file.size();
  }

  @Override
  public int fdflags() {
    return append ? FDFLAG_APPEND : 0;
  }

  @Override
  public void setFdflags(int flags) {
    append = (flags & FDFLAG_APPEND) != 0;
  }
}
