package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.InvalidTaskException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The guest's whole filesystem: a tree of in-memory files under one root, never backed by the host's
 * disk. Everything it holds, file bytes and directory entries alike, counts against {@link #MAX_BYTES}.
 * Not thread-safe: one execution, one thread.
 */
final class VirtualFileSystem {

  /** The most bytes the filesystem may hold. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  /** What a directory entry costs besides its name, so that empty files cannot grow the tree unbounded. */
  static final int ENTRY_COST = 64;

  private final ByteBudget budget = new ByteBudget(MAX_BYTES);
  private final VirtualDirectory root;
  private long nextInode = 1;

  private VirtualFileSystem() {
    root = new VirtualDirectory(nextInode++);
  }

  /** A filesystem holding {@code files} (paths relative to {@code /}) and an empty {@code rpc} directory. */
  static VirtualFileSystem of(Map<String, byte[]> files) {
    VirtualFileSystem fs = new VirtualFileSystem();
    files.forEach(fs::seed);
    if (fs.root.get(FileRpcBridge.DIRECTORY) == null) {
      fs.createDirectory(fs.root, FileRpcBridge.DIRECTORY);
    }
    return fs;
  }

  VirtualDirectory root() {
    return root;
  }

  long usedBytes() {
    return budget.used();
  }

  /** Where a path leads from a directory. {@code parent} and {@code name} are null for the directory itself. */
  record Lookup(VirtualDirectory parent, String name, VfsNode node) {
  }

  /** Resolves {@code path} from {@code base}; the last name need not exist, every directory before it must. */
  Lookup resolve(VirtualDirectory base, String path) {
    List<String> names = VfsPath.segments(path);
    if (names.isEmpty()) {
      return new Lookup(null, null, base);
    }
    VirtualDirectory parent = base;
    for (String name : names.subList(0, names.size() - 1)) {
      VfsNode next = parent.get(name);
      if (next == null) {
        throw new WasiError(Errno.NOENT);
      }
      if (!(next instanceof VirtualDirectory directory)) {
        throw new WasiError(Errno.NOTDIR);
      }
      parent = directory;
    }
    String name = names.get(names.size() - 1);
    return new Lookup(parent, name, parent.get(name));
  }

  VirtualFile createFile(VirtualDirectory parent, String name) {
    reserveEntry(name);
    VirtualFile file = new VirtualFile(nextInode++, budget);
    parent.put(name, file);
    return file;
  }

  /** Creates a file for the host's own output (the RPC bridge's response), which may exceed the budget. */
  VirtualFile createFileByHost(VirtualDirectory parent, String name) {
    budget.force(entryCost(name));
    VirtualFile file = new VirtualFile(nextInode++, budget);
    parent.put(name, file);
    return file;
  }

  VirtualDirectory createDirectory(VirtualDirectory parent, String name) {
    reserveEntry(name);
    VirtualDirectory directory = new VirtualDirectory(nextInode++);
    parent.put(name, directory);
    return directory;
  }

  /** Removes an entry; a file's bytes stay counted until its last descriptor closes. */
  void remove(VirtualDirectory parent, String name) {
    VfsNode node = parent.get(name);
    parent.remove(name);
    budget.release(entryCost(name));
    if (node instanceof VirtualFile file) {
      file.unlinked();
    }
  }

  private void reserveEntry(String name) {
    budget.reserve(entryCost(name));
  }

  private static long entryCost(String name) {
    return ENTRY_COST + (long) name.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Adds one initial file, creating its directories; a bad path or an oversized set is the task's fault. */
  private void seed(String path, byte[] content) {
    try {
      String relative = path.startsWith("/") ? path.substring(1) : path;
      List<String> names = VfsPath.segments(relative);
      VirtualDirectory parent = root;
      for (String name : names.subList(0, Math.max(0, names.size() - 1))) {
        VfsNode next = parent.get(name);
        if (next == null) {
          parent = createDirectory(parent, name);
        } else if (next instanceof VirtualDirectory directory) {
          parent = directory;
        } else {
          throw new WasiError(Errno.NOTDIR);
        }
      }
      if (names.isEmpty() || parent.get(names.get(names.size() - 1)) != null) {
        throw new WasiError(Errno.EXIST);
      }
      createFile(parent, names.get(names.size() - 1)).write(0, content, false);
    } catch (WasiError e) {
      throw new InvalidTaskException("cannot place file '" + path + "' in the guest filesystem (errno "
          + e.errno() + "; at most " + MAX_BYTES + " bytes in all)");
    }
  }
}
