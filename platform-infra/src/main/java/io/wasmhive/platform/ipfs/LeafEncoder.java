package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Sha256;
import io.wasmhive.platform.ipfs.internal.Varint;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Makes the leaf of one chunk: a raw block (CIDv1) or a dag-pb node holding UnixFS {@code {Type: File, Data: chunk,
 * filesize: n}} (CIDv0). When nobody keeps the blocks it hashes the node's framing and the chunk without building
 * the block. Not thread-safe: one per import.
 */
final class LeafEncoder {

  private final int version;
  private final boolean keepBlocks;
  private final MessageDigest sha256 = Sha256.newDigest();

  /** Leaves for CIDv0 (dag-pb) or CIDv1 (raw); {@code keepBlocks} false when the blocks are only hashed. */
  public LeafEncoder(int version, boolean keepBlocks) {
    this.version = version;
    this.keepBlocks = keepBlocks;
  }

  /** The leaf of {@code chunk[0, n)}, handed to {@code sink} when blocks are kept. */
  public DagLink encode(byte[] chunk, int n, BlockSink sink) {
    return version == 1 ? raw(chunk, n, sink) : dagPb(chunk, n, sink);
  }

  private DagLink raw(byte[] chunk, int n, BlockSink sink) {
    sha256.update(chunk, 0, n);
    Cid cid = Cid.of(1, Codec.RAW, sha256.digest());
    if (keepBlocks) {
      sink.accept(new Block(cid, n == chunk.length ? chunk : Arrays.copyOf(chunk, n)));
    }
    return new DagLink(cid, n, n);
  }

  private DagLink dagPb(byte[] chunk, int n, BlockSink sink) {
    byte[] head = head(n);
    byte[] tail = tail(n);
    sha256.update(head);
    sha256.update(chunk, 0, n);
    sha256.update(tail);
    Cid cid = Cid.of(0, Codec.DAG_PB, sha256.digest());
    int size = head.length + n + tail.length;
    if (keepBlocks) {
      byte[] block = new byte[size];
      System.arraycopy(head, 0, block, 0, head.length);
      System.arraycopy(chunk, 0, block, head.length, n);
      System.arraycopy(tail, 0, block, head.length + n, tail.length);
      sink.accept(new Block(cid, block));
    }
    return new DagLink(cid, size, n);
  }

  /** PBNode.Data's tag and length, then UnixFS Type File and, for data, Data's tag and length. */
  private static byte[] head(int n) {
    int dataField = n == 0 ? 0 : 1 + Varint.size(n) + n;
    int unixFs = 2 + dataField + 1 + Varint.size(n);
    byte[] head = new byte[1 + Varint.size(unixFs) + 2 + (n == 0 ? 0 : 1 + Varint.size(n))];
    head[0] = 0x0A;
    int pos = Varint.write(unixFs, head, 1);
    head[pos++] = 0x08;
    head[pos++] = UnixFsData.TYPE_FILE;
    if (n > 0) {
      head[pos++] = 0x12;
      Varint.write(n, head, pos);
    }
    return head;
  }

  /** UnixFS filesize. */
  private static byte[] tail(int n) {
    byte[] tail = new byte[1 + Varint.size(n)];
    tail[0] = 0x18;
    Varint.write(n, tail, 1);
    return tail;
  }
}
