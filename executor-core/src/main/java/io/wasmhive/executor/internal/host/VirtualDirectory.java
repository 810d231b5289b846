package io.wasmhive.executor.internal.host;

import java.util.Map;
import java.util.TreeMap;

/** A directory of the virtual filesystem; entries are kept sorted so listings are reproducible. */
final class VirtualDirectory extends VfsNode {

  static final byte FILETYPE = 3;

  private final Map<String, VfsNode> entries = new TreeMap<>();

  VirtualDirectory(long inode) {
    super(inode);
  }

  VfsNode get(String name) {
    return entries.get(name);
  }

  void put(String name, VfsNode node) {
    entries.put(name, node);
  }

  void remove(String name) {
    entries.remove(name);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The entries, sorted by name; a live view. */
  Map<String, VfsNode> entries() {
    return entries;
  }

  @Override
  byte filetype() {
    return FILETYPE;
  }

  @Override
  long size() {
    return entries.size();
  }
}
