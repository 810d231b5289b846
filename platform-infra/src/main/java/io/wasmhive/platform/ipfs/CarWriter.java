package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Varint;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes a CARv1 stream: the header on {@link #open}, then one section per {@link #write}. Not thread-safe. */
public final class CarWriter {

  private final OutputStream out;
  private long bytesWritten;

  private CarWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes the header naming {@code roots} to {@code out}. Blocks while writing; does not close {@code out}. */
  public static CarWriter open(OutputStream out, List<Cid> roots) throws IOException {
    CarWriter writer = new CarWriter(out);
    writer.section(CarHeader.encode(roots), null);
    return writer;
  }

  /** Writes one block as a section: varint length, CID, bytes. */
  public void write(Block block) throws IOException {
    section(block.cid().bytes(), block.bytes());
  }

  /** Bytes written so far. */
  public long bytesWritten() {
    return bytesWritten;
  }

  private void section(byte[] head, byte[] body) throws IOException {
    long length = head.length + (body == null ? 0 : body.length);
    byte[] varint = Varint.encode(length);
    out.write(varint);
    out.write(head);
    if (body != null) {
      out.write(body);
    }
    bytesWritten += varint.length + length;
  }

  /**
   * Writes the DAG under {@code root} as a CAR with that one root, blocks in depth-first pre-order, each once (the
   * order and {@code dups=n} of a trustless gateway's {@code ?format=car}). Every block is verified against its CID
   * before it is written. Returns the bytes written. Blocks while reading the source and writing.
   *
   * @throws MissingBlockException when the source lacks a block of the DAG
   */
  public static long writeDag(Cid root, BlockSource source, OutputStream out) throws IOException {
    CarWriter writer = open(out, List.of(root));
    writer.walk(root, source, new HashSet<>(), 0);
    return writer.bytesWritten;
  }

  private void walk(Cid cid, BlockSource source, Set<Cid> written, int depth) throws IOException {
    if (depth > UnixFsReader.MAX_DEPTH) {
      throw new MalformedDataException("DAG deeper than " + UnixFsReader.MAX_DEPTH + " levels at " + cid);
    }
    if (!written.add(cid)) {
      return;
    }
    byte[] bytes = source.get(cid);
    if (bytes == null) {
      throw new MissingBlockException(cid);
    }
    write(Block.verified(cid, bytes));
    if (cid.codec() == Codec.DAG_PB) {
      for (PbLink link : PbNode.decode(bytes).links()) {
        walk(link.hash(), source, written, depth + 1);
      }
    }
  }
}
