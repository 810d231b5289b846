package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Sha256;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A UnixFS DAG made from fuzzer bytes, so that the fuzzer steers the shape and the blocks still hash to their CIDs
 * (random bytes never would): up to 16 nodes, each a raw leaf or a dag-pb node of up to 64 links to earlier nodes,
 * with blocksizes and filesize true or off by one as the bytes say. Also computes what a reader must see: the bytes
 * of the file, how many nodes a walk visits and how many distinct blocks it meets, all without the reader's code.
 */
final class FuzzedDag {

  final List<Cid> cids = new ArrayList<>();
  final Map<Cid, byte[]> blocks = new HashMap<>();
  /** Per node: its own data, its children (indices), and whether its sizes are declared truthfully. */
  private final List<byte[]> data = new ArrayList<>();
  private final List<int[]> children = new ArrayList<>();
  private final List<Boolean> honest = new ArrayList<>();
  private final long[] sizes;
  private final long[] visits;

  private FuzzedDag(int count) {
    sizes = new long[count];
    visits = new long[count];
  }

  /** Reads the DAG from {@code in}; missing bytes read as zero. */
  static FuzzedDag of(Input in) {
    FuzzedDag dag = new FuzzedDag(1 + in.next() % 16);
    for (int i = 0; i < dag.sizes.length; i++) {
      dag.add(in, i);
    }
    return dag;
  }

  private void add(Input in, int index) {
    int flags = in.next();
    byte[] own = in.bytes(in.next() % 48);
    int linkCount = index == 0 || (flags & 1) == 0 ? 0 : in.next() % 65;
    int[] links = new int[linkCount];
    for (int i = 0; i < linkCount; i++) {
      links[i] = in.next() % index;
    }
    long size = own.length;
    long walk = 1;
    for (int link : links) {
      size = saturated(size, sizes[link]);
      walk = saturated(walk, visits[link]);
    }
    sizes[index] = size;
    visits[index] = walk;
    data.add(own);
    children.add(links);
    boolean raw = linkCount == 0 && (flags & 8) != 0;
    honest.add(raw || !lies(links, flags));
    byte[] block = raw ? own : dagPb(own, links, flags);
    Codec codec = raw ? Codec.RAW : Codec.DAG_PB;
    int version = codec == Codec.DAG_PB && (flags & 16) != 0 ? 0 : 1;
    Cid cid = Cid.of(version, codec, Sha256.digest(block));
    cids.add(cid);
    blocks.put(cid.toV1(), block);
  }

  private byte[] dagPb(byte[] own, int[] links, int flags) {
    long[] blocksizes = new long[links.length];
    List<PbLink> pbLinks = new ArrayList<>();
    for (int i = 0; i < links.length; i++) {
      blocksizes[i] = sizes[links[i]];
      pbLinks.add(new PbLink(cids.get(links[i]), "", blocksizes[i]));
    }
    long filesize = (flags & 128) != 0 ? -1 : sizes[cids.size()];
    if (lies(links, flags)) {
      if (blocksizes.length > 0 && (flags & 32) != 0) {
        blocksizes[0]++;
      } else {
        filesize++;
      }
    }
    int type = (flags & 64) != 0 ? UnixFsData.TYPE_RAW : UnixFsData.TYPE_FILE;
    return new PbNode(new UnixFsData(type, own, filesize, blocksizes).encode(), pbLinks).encode();
  }

  /** Whether the flags make a dag-pb node declare a wrong blocksize or filesize (absent declares nothing). */
  private static boolean lies(int[] links, int flags) {
    return (flags & 6) == 6 && ((links.length > 0 && (flags & 32) != 0) || (flags & 128) == 0);
  }

  Cid root() {
    return cids.get(cids.size() - 1);
  }

  /** Bytes in the file under the root, saturating. */
  long size() {
    return sizes[sizes.length - 1];
  }

  /** Nodes a complete walk from the root visits, repeats included, saturating. */
  long visits() {
    return visits[visits.length - 1];
  }

  /** Distinct blocks under the root (itself included). */
  int distinct() {
    boolean[] seen = new boolean[sizes.length];
    mark(sizes.length - 1, seen);
    int count = 0;
    for (boolean s : seen) {
      count += s ? 1 : 0;
    }
    return count;
  }

  private void mark(int node, boolean[] seen) {
    if (!seen[node]) {
      seen[node] = true;
      for (int child : children.get(node)) {
        mark(child, seen);
      }
    }
  }

  /** Whether every node under the root declares its sizes truthfully. */
  boolean honest() {
    boolean[] seen = new boolean[sizes.length];
    mark(sizes.length - 1, seen);
    for (int i = 0; i < seen.length; i++) {
      if (seen[i] && !honest.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The file's bytes by a plain recursive walk; only for a file already known to be small. */
  byte[] content() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(sizes.length - 1, out);
    return out.toByteArray();
  }

  private void write(int node, ByteArrayOutputStream out) {
    out.writeBytes(data.get(node));
    for (int child : children.get(node)) {
      write(child, out);
    }
  }

  private static long saturated(long a, long b) {
    return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
  }

  /** Fuzzer bytes read front to back; zero once they run out. */
  static final class Input {

    private final byte[] bytes;
    private int at;

    Input(byte[] bytes) {
      this.bytes = bytes;
    }

    int next() {
      return at < bytes.length ? bytes[at++] & 0xff : 0;
    }

    byte[] bytes(int count) {
      byte[] out = new byte[count];
      for (int i = 0; i < count; i++) {
        out[i] = (byte) next();
      }
      return out;
    }
  }
}
