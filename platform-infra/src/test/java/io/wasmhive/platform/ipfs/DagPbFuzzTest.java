package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmhive.platform.ipfs.internal.Sha256;
import java.util.Arrays;

/**
 * Fuzz targets of the block decoders (docs/fuzzing.md): dag-pb nodes, UnixFS Data and the file node built of both.
 * The only failure is {@link MalformedDataException}; what decodes encodes canonically to bytes that decode to the
 * same node, and a file node's declared size is its data plus its blocksizes.
 */
class DagPbFuzzTest {

  /** A dag-pb block: malformed, or a node whose canonical encoding decodes to the same node. */
  @FuzzTest(maxDuration = "2m")
  void decodesDagPb(byte[] block) {
    PbNode node;
    try {
      node = PbNode.decode(block);
    } catch (MalformedDataException e) {
      return;
    }
    byte[] canonical = node.encode();
    PbNode again = PbNode.decode(canonical);
    assertThat(again.links()).isEqualTo(node.links());
    assertThat(again.data()).isEqualTo(node.data());
    assertThat(again.encode()).isEqualTo(canonical);
  }

  /** UnixFS Data: malformed, or data that encodes to bytes that decode to the same values. */
  @FuzzTest(maxDuration = "2m")
  void decodesUnixFsData(byte[] bytes) {
    UnixFsData data;
    try {
      data = UnixFsData.decode(bytes, 64);
    } catch (MalformedDataException e) {
      return;
    }
    assertThat(data.blocksizes().length).isLessThanOrEqualTo(64);
    UnixFsData again = UnixFsData.decode(data.encode(), 64);
    assertThat(again.type()).isEqualTo(data.type());
    assertThat(again.data()).isEqualTo(data.data());
    assertThat(again.filesize()).isEqualTo(data.filesize());
    assertThat(again.blocksizes()).isEqualTo(data.blocksizes());
  }

  /** A dag-pb block as a file node: malformed, or links and blocksizes that pair up and add up. */
  @FuzzTest(maxDuration = "2m")
  void decodesFileNodes(byte[] block) {
    Cid cid = Cid.of(1, Codec.DAG_PB, Sha256.digest(block));
    FileNode node;
    try {
      node = FileNode.decode(cid, block);
    } catch (MalformedDataException e) {
      return;
    }
    assertThat(node.blocksizes()).hasSameSizeAs(node.links());
    long sum = node.data().length;
    for (long size : node.blocksizes()) {
      assertThat(size).isNotNegative();
      sum = size > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + size;
    }
    assertThat(node.size()).isEqualTo(sum);
    assertThat(Arrays.stream(node.links()).allMatch(l -> l != null)).isTrue();
  }
}
