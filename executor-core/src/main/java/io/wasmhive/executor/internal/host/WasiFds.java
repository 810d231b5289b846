package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WASI descriptor calls other than reading and writing: close, stat, pre-opens, seek, size, sync. */
final class WasiFds {

  private final FdTable fds;
  private final FileRpcBridge bridge;

  WasiFds(FdTable fds, FileRpcBridge bridge) {
    this.fds = fds;
    this.bridge = bridge;
  }

  void register(FunctionTable table) {
    table.wasi("fd_close", this::fdClose);
    table.wasi("fd_fdstat_get", this::fdFdstatGet);
    table.wasi("fd_fdstat_set_flags", this::fdFdstatSetFlags);
    table.wasi("fd_prestat_get", this::fdPrestatGet);
    table.wasi("fd_prestat_dir_name", this::fdPrestatDirName);
    table.wasi("fd_seek", this::fdSeek);
    table.wasi("fd_tell", this::fdTell);
    table.wasi("fd_filestat_get", this::fdFilestatGet);
    table.wasi("fd_filestat_set_size", this::fdFilestatSetSize);
    // Nothing is ever persisted, so syncing succeeds on any open descriptor.
    table.wasi("fd_sync", args -> validFd(args.i32(0)));
    table.wasi("fd_datasync", args -> validFd(args.i32(0)));
  }

  /** Closes the descriptor; closing a written RPC request file runs the file bridge first. */
  private int fdClose(CallArgs args) {
    Descriptor descriptor = fds.remove(args.i32(0));
    if (descriptor instanceof OpenFile file) {
      bridge.closed(file);
      file.file().closed();
    }
    return Errno.SUCCESS;
  }

  private int fdFdstatGet(CallArgs args) {
    Descriptor descriptor = fds.get(args.i32(0));
    ByteBuffer stat = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    stat.put(0, descriptor.filetype()).putShort(2, (short) descriptor.fdflags())
        .putLong(8, descriptor.rights()).putLong(16, descriptor.rights());
    args.memory().write(args.i32(1), stat.array());
    return Errno.SUCCESS;
  }

  private int fdFdstatSetFlags(CallArgs args) {
    fds.get(args.i32(0)).setFdflags(args.i32(1));
    return Errno.SUCCESS;
  }

  /** Only the root is pre-opened; EBADF for every other fd ends wasi-libc's pre-open scan. */
  private int fdPrestatGet(CallArgs args) {
    byte[] name = preopenName(args.i32(0));
    GuestMemory memory = args.memory();
    int address = args.i32(1);
    memory.writeI32(address, 0);
    memory.writeI32(address + 4, name.length);
    return Errno.SUCCESS;
  }

  private int fdPrestatDirName(CallArgs args) {
    byte[] name = preopenName(args.i32(0));
    if (args.u32(2) < name.length) {
      return Errno.NAMETOOLONG;
    }
    args.memory().write(args.i32(1), name);
    return Errno.SUCCESS;
  }

  private byte[] preopenName(int fd) {
    if (fds.get(fd) instanceof OpenDirectory directory && directory.preopenName() != null) {
      return directory.preopenName().getBytes(StandardCharsets.UTF_8);
    }
    throw new WasiError(Errno.BADF);
  }

  private int fdSeek(CallArgs args) {
    Descriptor descriptor = fds.get(args.i32(0));
    int resultPointer = args.i32(3);
    args.memory().readI64(resultPointer);
    args.memory().writeI64(resultPointer, descriptor.seek(args.i64(1), args.i32(2) & 0xff));
    return Errno.SUCCESS;
  }

  private int fdTell(CallArgs args) {
    Descriptor descriptor = fds.get(args.i32(0));
    args.memory().writeI64(args.i32(1), descriptor.seek(0, 1));
    return Errno.SUCCESS;
  }

  private int fdFilestatGet(CallArgs args) {
    Descriptor descriptor = fds.get(args.i32(0));
    Filestat.write(args.memory(), args.i32(1), descriptor.inode(), descriptor.filetype(), descriptor.size());
    return Errno.SUCCESS;
  }

  private int fdFilestatSetSize(CallArgs args) {
    if (!(fds.get(args.i32(0)) instanceof OpenFile file)) {
      return Errno.INVAL;
    }
    file.file().resize(args.i64(1), false);
    file.markWritten();
    return Errno.SUCCESS;
  }

  private int validFd(int fd) {
    fds.get(fd);
    return Errno.SUCCESS;
  }
}
