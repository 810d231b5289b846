package io.wasmhive.executor.internal.host;

/** A file or directory of the virtual filesystem. */
abstract class VfsNode {

  private final long inode;

  VfsNode(long inode) {
    this.inode = inode;
  }

  long inode() {
    return inode;
  }

  /** The WASI filetype byte. */
  abstract byte filetype();

  /** The size WASI reports in a filestat. */
  abstract long size();
}
