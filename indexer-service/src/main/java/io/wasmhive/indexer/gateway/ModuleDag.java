package io.wasmhive.indexer.gateway;

import io.wasmhive.platform.ipfs.Block;
import io.wasmhive.platform.ipfs.BlockSource;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.Codec;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks of one stored module in the layout a requested CID names: the CIDv0 layout of {@code ipfs add},
 * the raw-leaves CIDv1 layout, or a single raw block. Immutable once built.
 *
 * @param root the root CID as the DAG's own links name it (v0 for the v0 layout)
 * @param blocks every block by its CID in canonical v1 form
 * @param size bytes of all blocks together
 */
record ModuleDag(Cid root, Map<Cid, byte[]> blocks, long size) implements BlockSource {

  /**
   * The DAG the CID names among the layouts this indexer reproduces, or empty when the CID names the bytes
   * in another layout (the module was fetched by such a CID; its blocks were not kept).
   */
  static Optional<ModuleDag> of(byte[] bytes, Cid requested) {
    Cid wanted = requested.toV1();
    if (wanted.codec() == Codec.RAW) {
      if (!requested.verifies(bytes)) {
        return Optional.empty();
      }
      return Optional.of(new ModuleDag(requested, Map.of(wanted, bytes), bytes.length));
    }
    for (UnixFsImporter importer : new UnixFsImporter[] {UnixFsImporter.cidV0(), UnixFsImporter.cidV1()}) {
      Map<Cid, byte[]> blocks = new HashMap<>();
      long[] size = {0};
      Cid root = importer.add(bytes, (Block b) -> {
        blocks.put(b.cid().toV1(), b.bytes());
        size[0] += b.bytes().length;
      });
      if (root.toV1().equals(wanted)) {
        return Optional.of(new ModuleDag(root, Map.copyOf(blocks), size[0]));
      }
    }
    return Optional.empty();
  }

  /** The block of any CID form, or null. */
  @Override
  public byte[] get(Cid cid) {
    return blocks.get(cid.toV1());
  }
}
