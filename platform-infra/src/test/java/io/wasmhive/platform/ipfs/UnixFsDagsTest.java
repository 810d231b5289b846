package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.ipfs.internal.Sha256;
import io.wasmhive.platform.testing.UnixFsDags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test jar's {@link UnixFsDags} encodes its nodes without this package's codecs (they are package-private): its
 * blocks are exactly what {@link PbNode} and {@link UnixFsData} make of the same node, so the CIDs the reader's and
 * the indexer's tests expect are those of canonical dag-pb.
 */
class UnixFsDagsTest {

  @Test
  void nodesAreCanonicalDagPbWithUnixFsFileData() {
    UnixFsDags dags = new UnixFsDags();
    Cid a = dags.leaf("abc".getBytes(StandardCharsets.US_ASCII));
    Cid b = dags.leaf(new byte[300]);
    byte[] own = "head".getBytes(StandardCharsets.US_ASCII);
    for (byte[] data : List.of(own, new byte[0])) {
      Cid node = dags.node(data, List.of(a, b, a));
      byte[] expected = new PbNode(
          new UnixFsData(UnixFsData.TYPE_FILE, data, data.length + 306, new long[] {3, 300, 3}).encode(),
          List.of(new PbLink(a, "", 3), new PbLink(b, "", 300), new PbLink(a, "", 3))).encode();
      assertThat(dags.dag(node).get(node)).isEqualTo(expected);
      assertThat(node).isEqualTo(Cid.of(1, Codec.DAG_PB, Sha256.digest(expected)));
    }
  }
}
