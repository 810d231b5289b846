package io.wasmhive.platform.ipfs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns a file into the UnixFS DAG {@code ipfs add} makes with its defaults (kubo, and ipfs-unixfs-importer with the
 * same options): fixed 262,144-byte chunks, a balanced DAG of at most 174 links per node, a one-chunk file reduced to
 * its single leaf. {@link #cidV0()} is plain {@code ipfs add} (CIDv0, leaves are dag-pb UnixFS File nodes);
 * {@link #cidV1()} is {@code ipfs add --cid-version=1} (CIDv1, raw leaves, so a one-chunk file is {@code bafkrei…}).
 * Immutable and thread-safe; each import runs on the caller's thread and holds one chunk plus the pending links.
 */
public final class UnixFsImporter {

  /** Bytes per chunk. */
  public static final int CHUNK_SIZE = 262_144;
  /** Links per dag-pb node at most. */
  public static final int MAX_LINKS = 174;

  private static final UnixFsImporter V0 = new UnixFsImporter(0);
  private static final UnixFsImporter V1 = new UnixFsImporter(1);

  private final int version;

  private UnixFsImporter(int version) {
    this.version = version;
  }

  /** {@code ipfs add}: CIDv0, dag-pb leaves. */
  public static UnixFsImporter cidV0() {
    return V0;
  }

  /** {@code ipfs add --cid-version=1}: CIDv1, raw leaves. */
  public static UnixFsImporter cidV1() {
    return V1;
  }

  /** The CID version of the roots this importer makes. */
  public int version() {
    return version;
  }

  /**
   * Imports {@code in} to its end, handing every block to {@code sink} as it is made (leaves, then each parent
   * after its children), and returns the root CID. Blocks while reading {@code in}; does not close it.
   */
  public Cid add(InputStream in, BlockSink sink) throws IOException {
    LeafEncoder leaves = new LeafEncoder(version, sink != BlockSink.DISCARD);
    BalancedDag dag = new BalancedDag(version, MAX_LINKS, sink);
    byte[] chunk = new byte[CHUNK_SIZE];
    int count = 0;
    while (true) {
      int n = in.readNBytes(chunk, 0, CHUNK_SIZE);
      if (n == 0 && count > 0) {
        break;
      }
      DagLink leaf = leaves.encode(chunk, n, sink);
      count++;
      dag.add(leaf);
      if (n < CHUNK_SIZE) {
        break;
      }
      if (sink != BlockSink.DISCARD) {
        chunk = new byte[CHUNK_SIZE];
      }
    }
    return dag.finish();
  }

  /** Imports {@code bytes}, handing every block to {@code sink}; returns the root CID. */
  public Cid add(byte[] bytes, BlockSink sink) {
    try {
      return add(new ByteArrayInputStream(bytes), sink);
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to read", e);
    }
  }

  /** The root CID {@code ipfs add} would print for {@code bytes}, keeping no blocks. */
  public Cid cidOf(byte[] bytes) {
    return add(bytes, BlockSink.DISCARD);
  }
}
