package io.wasmhive.platform.testing;

import io.wasmhive.platform.ipfs.Block;
import io.wasmhive.platform.ipfs.CarWriter;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.Codec;
import io.wasmhive.platform.ipfs.internal.ProtoWriter;
import io.wasmhive.platform.ipfs.internal.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made UnixFS file DAGs of any shape, honest in every block (sizes add up, CIDs verify) but laid out as no
 * importer would: a child linked thousands of times, fan-outs at every level, chains to the depth limit. For the
 * reader's tests and benchmarks and the indexer's hostile-gateway tests. Not thread-safe.
 */
public final class UnixFsDags {

  private final Map<Cid, byte[]> blocks = new LinkedHashMap<>();
  private final Map<Cid, Long> sizes = new HashMap<>();

  /** A DAG of raw leaves and CIDv1 dag-pb nodes. */
  public UnixFsDags() {
  }

  /**
   * A root and its blocks.
   *
   * @param root the root CID
   * @param blocks every block, keyed by CIDv1, the root first
   */
  public record Dag(Cid root, Map<Cid, byte[]> blocks) {

    /** The block of any CID form, or null: a {@code BlockSource}. */
    public byte[] get(Cid cid) {
      return blocks.get(cid.toV1());
    }

    /** A CARv1 naming the root, with every block once, in the order of {@link #blocks}. */
    public byte[] car() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        CarWriter car = CarWriter.open(out, List.of(root));
        for (Map.Entry<Cid, byte[]> block : blocks.entrySet()) {
          car.write(new Block(block.getKey(), block.getValue()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  /** A raw leaf of {@code bytes}. */
  public Cid leaf(byte[] bytes) {
    Cid cid = Cid.rawOf(bytes);
    blocks.put(cid, bytes);
    sizes.put(cid, (long) bytes.length);
    return cid;
  }

  /** A UnixFS File node holding {@code data} and then its children, with true blocksizes and filesize. */
  public Cid node(byte[] data, List<Cid> children) {
    long filesize = data.length;
    for (Cid child : children) {
      filesize += sizes.get(child);
    }
    // Encoded here as the dag-pb and UnixFS specifications say (the reader's own codecs are package-private):
    // links first, each Hash (1), Name "" (2) and Tsize (3), then Data (1) holding the UnixFS Data message:
    // Type File (1 = 2), Data (2, left out when empty), filesize (3) and one blocksize (4) per link, unpacked.
    ProtoWriter unixFs = new ProtoWriter(16 + data.length + children.size() * 4).varint(1, 2);
    if (data.length > 0) {
      unixFs.bytes(2, data);
    }
    unixFs.varint(3, filesize);
    for (Cid child : children) {
      unixFs.varint(4, sizes.get(child));
    }
    byte[] unixFsData = unixFs.toByteArray();
    ProtoWriter node = new ProtoWriter(16 + unixFsData.length + children.size() * 48);
    for (Cid child : children) {
      node.bytes(2, new ProtoWriter(48).bytes(1, child.bytes()).bytes(2, new byte[0])
          .varint(3, sizes.get(child)).toByteArray());
    }
    byte[] block = node.bytes(1, unixFsData).toByteArray();
    Cid cid = Cid.of(1, Codec.DAG_PB, Sha256.digest(block));
    blocks.put(cid, block);
    sizes.put(cid, filesize);
    return cid;
  }

  /** A node without data of its own, linking {@code child} {@code times} times. */
  public Cid fanOut(Cid child, int times) {
    return node(new byte[0], Collections.nCopies(times, child));
  }

  /** Puts a block as it is, whatever it holds (for blocks no honest builder makes). */
  public Cid put(byte[] block) {
    Cid cid = Cid.of(1, Codec.DAG_PB, Sha256.digest(block));
    blocks.put(cid, block);
    return cid;
  }

  /** The DAG under {@code root}: every block made so far, the root first. */
  public Dag dag(Cid root) {
    Map<Cid, byte[]> ordered = new LinkedHashMap<>();
    ordered.put(root, blocks.get(root));
    ordered.putAll(blocks);
    return new Dag(root, ordered);
  }

  /**
   * {@code levels} nodes above one shared leaf, each linking the one below {@code width} times: walking it visits
   * {@code width^levels} leaves. Two levels of 2,000 over an empty leaf is the 184 KB CAR of the issue.
   */
  public static Dag sharedFanOut(int width, int levels, byte[] leaf) {
    UnixFsDags dags = new UnixFsDags();
    Cid top = dags.leaf(leaf);
    for (int level = 0; level < levels; level++) {
      top = dags.fanOut(top, width);
    }
    return dags.dag(top);
  }
}
