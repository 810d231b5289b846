package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/** WASI directory calls: create, remove and list. */
final class WasiDirectories {

  private static final int DIRENT_SIZE = 24;

  private final FdTable fds;
  private final VirtualFileSystem fs;

  WasiDirectories(FdTable fds, VirtualFileSystem fs) {
    this.fds = fds;
    this.fs = fs;
  }

  void register(FunctionTable table) {
    table.wasi("path_create_directory", this::pathCreateDirectory);
    table.wasi("path_remove_directory", this::pathRemoveDirectory);
    table.wasi("fd_readdir", this::fdReaddir);
  }

  private int pathCreateDirectory(CallArgs args) {
    VirtualFileSystem.Lookup lookup = fs.resolve(fds.directory(args.i32(0)).directory(), args.path(1, 2));
    if (lookup.node() != null) {
      return Errno.EXIST;
    }
    fs.createDirectory(lookup.parent(), lookup.name());
    return Errno.SUCCESS;
  }

  private int pathRemoveDirectory(CallArgs args) {
    VirtualFileSystem.Lookup lookup = fs.resolve(fds.directory(args.i32(0)).directory(), args.path(1, 2));
    if (lookup.node() == null) {
      return Errno.NOENT;
    }
    if (lookup.parent() == null) {
      return Errno.INVAL;
    }
    if (!(lookup.node() instanceof VirtualDirectory directory)) {
      return Errno.NOTDIR;
    }
    if (!directory.isEmpty()) {
      return Errno.NOTEMPTY;
    }
    fs.remove(lookup.parent(), lookup.name());
    return Errno.SUCCESS;
  }

  /**
   * Lists {@code .}, {@code ..} and the entries in name order, starting at the cookie (an index). Fills
   * the buffer and cuts the last entry short when it does not fit, which tells the guest to call again.
   * Each entry goes to guest memory as it is formatted, so the host holds one entry at a time however large
   * a buffer the guest offers.
   */
  private int fdReaddir(CallArgs args) {
    VirtualDirectory directory = fds.directory(args.i32(0)).directory();
    GuestMemory memory = args.memory();
    int buffer = args.i32(1);
    long bufferLength = args.u32(2);
    long cookie = Math.max(0, args.i64(3));
    long used = 0;
    long index = 0;
    Iterator<Map.Entry<String, VfsNode>> entries = listing(directory);
    while (entries.hasNext() && used < bufferLength) {
      Map.Entry<String, VfsNode> entry = entries.next();
      if (index++ < cookie) {
        continue;
      }
      byte[] dirent = dirent(index, entry.getKey(), entry.getValue());
      int count = (int) Math.min(dirent.length, bufferLength - used);
      // int arithmetic wraps like wasm32 addresses; the memory rejects whatever falls outside.
      memory.write(buffer + (int) used, dirent, 0, count);
      used += count;
    }
    memory.writeI32(args.i32(4), (int) used);
    return Errno.SUCCESS;
  }

  private static Iterator<Map.Entry<String, VfsNode>> listing(VirtualDirectory directory) {
    return Stream.concat(Stream.of(Map.entry(".", (VfsNode) directory), Map.entry("..", (VfsNode) directory)),
        directory.entries().entrySet().stream()).iterator();
  }

  /** One WASI dirent: next cookie, inode, name length, filetype, then the name. */
  private static byte[] dirent(long nextCookie, String name, VfsNode node) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer dirent = ByteBuffer.allocate(DIRENT_SIZE + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    dirent.putLong(nextCookie).putLong(node.inode()).putInt(bytes.length).put(node.filetype()).position(DIRENT_SIZE);
    dirent.put(bytes);
    return dirent.array();
  }
}
