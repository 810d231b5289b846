package io.wasmhive.executor.internal.host;

/**
 * WASI calls on files by path, relative to a directory descriptor: open, stat, unlink. Paths never leave
 * the virtual filesystem ({@link VfsPath}); rights and lookup flags are accepted and ignored.
 */
final class WasiPaths {

  private static final int OFLAG_CREAT = 1;
  private static final int OFLAG_DIRECTORY = 2;
  private static final int OFLAG_EXCL = 4;
  private static final int OFLAG_TRUNC = 8;
  private static final int FDFLAG_APPEND = 1;

  private final FdTable fds;
  private final VirtualFileSystem fs;

  WasiPaths(FdTable fds, VirtualFileSystem fs) {
    this.fds = fds;
    this.fs = fs;
  }

  void register(FunctionTable table) {
    table.wasi("path_open", this::pathOpen);
    table.wasi("path_filestat_get", this::pathFilestatGet);
    table.wasi("path_unlink_file", this::pathUnlinkFile);
  }

  /** Arguments: fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, result pointer. */
  private int pathOpen(CallArgs args) {
    VirtualDirectory base = fds.directory(args.i32(0)).directory();
    String path = args.path(2, 3);
    int oflags = args.i32(4) & 0xffff;
    int resultPointer = args.i32(8);
    // Check the result pointer and a free slot before the filesystem changes.
    args.memory().readI32(resultPointer);
    fds.requireFreeSlot();
    VirtualFileSystem.Lookup lookup = fs.resolve(base, path);
    Descriptor opened = lookup.node() == null
        ? create(lookup, oflags, args.i32(7))
        : existing(lookup.node(), oflags, args.i32(7));
    args.memory().writeI32(resultPointer, fds.add(opened));
    return Errno.SUCCESS;
  }

  private Descriptor create(VirtualFileSystem.Lookup lookup, int oflags, int fdflags) {
    if ((oflags & OFLAG_CREAT) == 0 || lookup.parent() == null) {
      throw new WasiError(Errno.NOENT);
    }
    if ((oflags & OFLAG_DIRECTORY) != 0) {
      throw new WasiError(Errno.INVAL);
    }
    OpenFile file = new OpenFile(fs.createFile(lookup.parent(), lookup.name()), (fdflags & FDFLAG_APPEND) != 0);
    file.markWritten();
    return file;
  }

  private Descriptor existing(VfsNode node, int oflags, int fdflags) {
    if ((oflags & OFLAG_CREAT) != 0 && (oflags & OFLAG_EXCL) != 0) {
      throw new WasiError(Errno.EXIST);
    }
    if (node instanceof VirtualDirectory directory) {
      if ((oflags & OFLAG_TRUNC) != 0) {
        throw new WasiError(Errno.ISDIR);
      }
      return new OpenDirectory(directory, null);
    }
    if ((oflags & OFLAG_DIRECTORY) != 0) {
      throw new WasiError(Errno.NOTDIR);
    }
    OpenFile file = new OpenFile((VirtualFile) node, (fdflags & FDFLAG_APPEND) != 0);
    if ((oflags & OFLAG_TRUNC) != 0) {
      file.file().resize(0, false);
      file.markWritten();
    }
    return file;
  }

  private int pathFilestatGet(CallArgs args) {
    VirtualDirectory base = fds.directory(args.i32(0)).directory();
    VfsNode node = fs.resolve(base, args.path(2, 3)).node();
    if (node == null) {
      return Errno.NOENT;
    }
    Filestat.write(args.memory(), args.i32(4), node.inode(), node.filetype(), node.size());
    return Errno.SUCCESS;
  }

  private int pathUnlinkFile(CallArgs args) {
    VirtualDirectory base = fds.directory(args.i32(0)).directory();
    VirtualFileSystem.Lookup lookup = fs.resolve(base, args.path(1, 2));
    if (lookup.node() == null) {
      return Errno.NOENT;
    }
    if (lookup.node() instanceof VirtualDirectory) {
      return Errno.ISDIR;
    }
    fs.remove(lookup.parent(), lookup.name());
    return Errno.SUCCESS;
  }
}
