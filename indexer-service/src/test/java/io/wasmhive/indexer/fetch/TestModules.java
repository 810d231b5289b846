package io.wasmhive.indexer.fetch;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.ipfs.CarWriter;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import io.wasmhive.platform.testing.UnixFsDags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Modules to fetch: guests of the shared corpus and synthetic ones, with their UnixFS DAGs and CARs. */
final class TestModules {

  private TestModules() {
  }

  /** The bytes of guest {@code name}. */
  static byte[] guest(String name) {
    return GuestCorpus.bytes(name);
  }

  /** A valid WebAssembly module of exactly {@code size} bytes: the header and one custom section of random bytes. */
  static byte[] synthetic(int size) {
    for (int lebLength = 1; lebLength <= 5; lebLength++) {
      int content = size - 9 - lebLength;
      byte[] leb = leb128(content);
      if (content >= 2 && leb.length == lebLength) {
        byte[] module = new byte[size];
        new SplittableRandom(size).nextBytes(module);
        System.arraycopy(new byte[] {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0}, 0, module, 0, 9);
        System.arraycopy(leb, 0, module, 9, leb.length);
        module[9 + leb.length] = 1;
        module[10 + leb.length] = 'x';
        return module;
      }
    }
    throw new IllegalArgumentException("no module of " + size + " bytes");
  }

  /** The DAG {@code importer} makes of {@code bytes}. */
  static Dag dag(byte[] bytes, UnixFsImporter importer) {
    Map<Cid, byte[]> blocks = new HashMap<>();
    Cid root = importer.add(bytes, block -> blocks.put(block.cid().toV1(), block.bytes()));
    return new Dag(root, blocks);
  }

  /** A hand-made DAG of any shape (platform-infra's test jar). */
  static Dag of(UnixFsDags.Dag dag) {
    return new Dag(dag.root(), dag.blocks());
  }

  /** The CIDv1 raw single block of {@code bytes}. */
  static Dag rawBlock(byte[] bytes) {
    Cid cid = Cid.rawOf(bytes);
    return new Dag(cid, Map.of(cid, bytes));
  }

  private static byte[] leb128(int value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    do {
      int b = value & 0x7f;
      value >>>= 7;
      out.write(value == 0 ? b : b | 0x80);
    } while (value != 0);
    return out.toByteArray();
  }

  /**
   * A root and its blocks, keyed by their CIDv1.
   *
   * @param root the root CID
   * @param blocks every block of the DAG
   */
  record Dag(Cid root, Map<Cid, byte[]> blocks) {

    /** The DAG as a gateway's {@code ?format=car} sends it. */
    byte[] car() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        CarWriter.writeDag(root, cid -> blocks.get(cid.toV1()), out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }
}
