package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.ipfs.IpfsVectors.Vector;
import io.wasmhive.platform.ipfs.internal.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnixFsImporterTest {

  static Stream<Vector> vectors() {
    return IpfsVectors.vectors().stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void regeneratedInputIsTheOneTheVectorsWereMadeFrom(Vector vector) {
    assertThat(HexFormat.of().formatHex(Sha256.digest(vector.input()))).isEqualTo(vector.sha256());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void cidV0RootAndBlocksEqualTheReference(Vector vector) {
    assertImport(UnixFsImporter.cidV0(), vector, vector.v0());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void cidV1RootAndBlocksEqualTheReference(Vector vector) {
    assertImport(UnixFsImporter.cidV1(), vector, vector.v1());
  }

  private static void assertImport(UnixFsImporter importer, Vector vector, IpfsVectors.Dag expected) {
    byte[] input = vector.input();
    List<String> blocks = new ArrayList<>();
    Set<Cid> seen = new HashSet<>();
    Cid root = importer.add(input, block -> {
      assertThat(block.cid().verifies(block.bytes())).isTrue();
      assertChildrenCameFirst(block, seen);
      seen.add(block.cid());
      blocks.add(block.cid().toString());
    });
    assertThat(root).hasToString(expected.root());
    assertThat(blocks.get(blocks.size() - 1)).isEqualTo(expected.root());
    // The reference's order of leaves relative to parents depends on its concurrency (it pulls leaf 175 before
    // storing the parent of leaves 1-174); the set must match, and ours must be children before parents.
    assertThat(blocks).containsExactlyInAnyOrderElementsOf(expected.blocks());
    assertThat(importer.cidOf(input)).isEqualTo(root);
  }

  private static void assertChildrenCameFirst(Block block, Set<Cid> seen) {
    if (block.cid().codec() == Codec.DAG_PB) {
      for (PbLink link : PbNode.decode(block.bytes()).links()) {
        assertThat(seen).contains(link.hash());
      }
    }
  }

  @Test
  void blocksComeInTheReferenceOrderWhenItsConcurrencyDoesNotReorderThem() {
    Vector vector = IpfsVectors.vector("3MiB");
    List<String> blocks = new ArrayList<>();
    UnixFsImporter.cidV1().add(vector.input(), block -> blocks.add(block.cid().toString()));
    assertThat(blocks).isEqualTo(vector.v1().blocks());
  }

  @Test
  void aTricklingStreamGivesTheSameDag() throws IOException {
    Vector vector = IpfsVectors.vector("3MiB");
    List<String> blocks = new ArrayList<>();
    Cid root = UnixFsImporter.cidV0().add(new Trickle(vector.input()), block -> blocks.add(block.cid().toString()));
    assertThat(root).hasToString(vector.v0().root());
    assertThat(blocks).isEqualTo(vector.v0().blocks());
  }

  @Test
  void aSingleChunkFileIsItsRawCidInV1AndADagPbLeafInV0() {
    byte[] input = IpfsVectors.input(UnixFsImporter.CHUNK_SIZE);
    Cid v1 = UnixFsImporter.cidV1().cidOf(input);
    assertThat(v1).isEqualTo(Cid.rawOf(input));
    assertThat(v1.toString()).startsWith("bafkrei");
    Cid v0 = UnixFsImporter.cidV0().cidOf(input);
    assertThat(v0.version()).isZero();
    assertThat(v0.toString()).startsWith("Qm");
  }

  @Test
  void theEmptyFileHasTheWellKnownCids() {
    assertThat(UnixFsImporter.cidV0().cidOf(new byte[0])).hasToString("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
    assertThat(UnixFsImporter.cidV1().cidOf(new byte[0]))
        .hasToString("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
  }

  /** Hands out at most 1000 bytes per read, as a network stream may. */
  private static final class Trickle extends InputStream {
    private final ByteArrayInputStream in;

    Trickle(byte[] bytes) {
      in = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 1000));
    }
  }
}
