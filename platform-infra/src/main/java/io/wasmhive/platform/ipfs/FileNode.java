package io.wasmhive.platform.ipfs;

/**
 * One block of a UnixFS file, decoded and checked against its own rules: the bytes it holds itself, its children and
 * the size each child is declared to hold. A raw block is a leaf of all its bytes; a dag-pb block must be a UnixFS
 * File (or Raw) node with one blocksize per link and, when it declares a filesize, a filesize equal to its data plus
 * its blocksizes. Immutable; the arrays are shared, not copied: do not change them. Thread-safe.
 *
 * @param data the bytes this node holds before its children's
 * @param links the children, in file order
 * @param blocksizes the bytes each child is declared to hold, one per link
 * @param size data plus blocksizes: the file bytes under this node as declared ({@link Long#MAX_VALUE} if more)
 */
record FileNode(byte[] data, Cid[] links, long[] blocksizes, long size) {

  private static final Cid[] NO_LINKS = new Cid[0];
  private static final long[] NO_SIZES = new long[0];

  /** The block {@code cid} names, decoded as its codec says. The block must already be verified against it. */
  public static FileNode decode(Cid cid, byte[] block) {
    return switch (cid.codec()) {
      case RAW -> new FileNode(block, NO_LINKS, NO_SIZES, block.length);
      case DAG_PB -> dagPb(cid, block);
    };
  }

  private static FileNode dagPb(Cid cid, byte[] block) {
    PbNode node = PbNode.decode(block);
    if (node.data() == null) {
      throw new MalformedDataException(cid + ": dag-pb node without UnixFS data");
    }
    UnixFsData unixFs = UnixFsData.decode(node.data(), node.links().size());
    if (unixFs.type() != UnixFsData.TYPE_FILE && unixFs.type() != UnixFsData.TYPE_RAW) {
      throw new MalformedDataException(cid + ": UnixFS type " + unixFs.type() + " is not a file");
    }
    long[] sizes = unixFs.blocksizes();
    if (sizes.length != node.links().size()) {
      throw new MalformedDataException(cid + ": " + sizes.length + " blocksizes for " + node.links().size()
          + " links");
    }
    long sum = unixFs.data().length;
    for (long size : sizes) {
      // Saturates instead of overflowing, so that a sum past any limit stays past it.
      sum = size > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + size;
    }
    if (unixFs.filesize() >= 0 && unixFs.filesize() != sum) {
      throw new MalformedDataException(cid + ": filesize " + unixFs.filesize() + " but data and blocksizes add "
          + "up to " + sum);
    }
    Cid[] links = node.links().stream().map(PbLink::hash).toArray(Cid[]::new);
    return new FileNode(unixFs.data(), links, sizes, sum);
  }
}
