package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;

/** A descriptor on a virtual directory; the pre-opened root carries the name the guest sees. */
record OpenDirectory(VirtualDirectory directory, String preopenName) implements Descriptor {

  @Override
  public byte filetype() {
    return VirtualDirectory.FILETYPE;
  }

  @Override
  public long readInto(GuestMemory memory, int address, long max) {
    throw new WasiError(Errno.ISDIR);
  }

  @Override
  public void writeFrom(GuestMemory memory, int address, long length) {
    throw new WasiError(Errno.ISDIR);
  }

  @Override
  public long inode() {
    return directory.inode();
  }

  @Override
  public long size() {
    return directory.size();
  }
}
