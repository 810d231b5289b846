package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Sha256;
import java.util.ArrayList;
import java.util.List;

/**
 * The balanced layout of ipfs-unixfs-importer, built as leaves arrive: every {@code maxLinks} leaves become a parent
 * at once; at the end the parents are grouped again, level by level, until one root is left. A lone leaf is its own
 * root. Not thread-safe: one per import.
 */
final class BalancedDag {

  private final int version;
  private final int maxLinks;
  private final BlockSink sink;
  private final List<DagLink> batch = new ArrayList<>();
  private final List<DagLink> parents = new ArrayList<>();
  private long leaves;

  /** A layout making CIDv{@code version} parents, at most {@code maxLinks} links each, into {@code sink}. */
  public BalancedDag(int version, int maxLinks, BlockSink sink) {
    this.version = version;
    this.maxLinks = maxLinks;
    this.sink = sink;
  }

  /** Adds the next leaf, in file order. */
  public void add(DagLink leaf) {
    leaves++;
    batch.add(leaf);
    if (batch.size() == maxLinks) {
      parents.add(parent(batch));
      batch.clear();
    }
  }

  /** The root, after emitting the parents still pending. */
  public Cid finish() {
    if (leaves == 1) {
      return batch.get(0).cid();
    }
    if (!batch.isEmpty()) {
      parents.add(parent(batch));
    }
    List<DagLink> level = parents;
    while (level.size() > 1) {
      List<DagLink> next = new ArrayList<>();
      for (int from = 0; from < level.size(); from += maxLinks) {
        next.add(parent(level.subList(from, Math.min(level.size(), from + maxLinks))));
      }
      level = next;
    }
    return level.get(0).cid();
  }

  private DagLink parent(List<DagLink> children) {
    long[] sizes = new long[children.size()];
    List<PbLink> links = new ArrayList<>(children.size());
    long fileSize = 0;
    long tsize = 0;
    for (int i = 0; i < sizes.length; i++) {
      DagLink child = children.get(i);
      sizes[i] = child.fileSize();
      fileSize += child.fileSize();
      tsize += child.tsize();
      links.add(new PbLink(child.cid(), "", child.tsize()));
    }
    byte[] data = new UnixFsData(UnixFsData.TYPE_FILE, null, fileSize, sizes).encode();
    byte[] block = new PbNode(data, links).encode();
    Cid cid = Cid.of(version, Codec.DAG_PB, Sha256.digest(block));
    sink.accept(new Block(cid, block));
    return new DagLink(cid, block.length + tsize, fileSize);
  }
}
