package io.wasmhive.executor.internal.host;

import java.util.ArrayList;
import java.util.List;

/** Turns a guest path, relative to a directory descriptor, into the names to walk from that directory. */
final class VfsPath {

  private VfsPath() {
  }

  /**
   * Splits and normalizes {@code path}. Absolute paths and {@code ..} that would climb above the starting
   * directory fail with ENOTCAPABLE: a descriptor grants access to its subtree only, as in WASI.
   */
  static List<String> segments(String path) {
    if (path.isEmpty()) {
      throw new WasiError(Errno.NOENT);
    }
    if (path.startsWith("/")) {
      throw new WasiError(Errno.NOTCAPABLE);
    }
    List<String> names = new ArrayList<>();
    for (String name : path.split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (names.isEmpty()) {
          throw new WasiError(Errno.NOTCAPABLE);
        }
        names.remove(names.size() - 1);
      } else {
        names.add(name);
      }
    }
    return names;
  }
}
