package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.ipfs.IpfsVectors.Vector;
import io.wasmhive.platform.ipfs.internal.Sha256;
import io.wasmhive.platform.testing.UnixFsDags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnixFsReaderTest {

  private final Map<Cid, byte[]> blocks = new HashMap<>();

  private Cid importInto(UnixFsImporter importer, byte[] input) {
    return importer.add(input, block -> blocks.put(block.cid(), block.bytes()));
  }

  @ParameterizedTest
  @MethodSource("io.wasmhive.platform.ipfs.UnixFsImporterTest#vectors")
  void reassemblesEveryVectorInBothVersions(Vector vector) {
    byte[] input = vector.input();
    for (UnixFsImporter importer : List.of(UnixFsImporter.cidV0(), UnixFsImporter.cidV1())) {
      Cid root = importInto(importer, input);
      assertThat(UnixFsReader.readAll(root, blocks::get, input.length)).isEqualTo(input);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void theLimitIsInclusive(int version) {
    byte[] input = IpfsVectors.input(3 * UnixFsImporter.CHUNK_SIZE + 5);
    Cid root = importInto(version == 0 ? UnixFsImporter.cidV0() : UnixFsImporter.cidV1(), input);
    assertThat(UnixFsReader.readAll(root, blocks::get, input.length)).isEqualTo(input);
    assertThatThrownBy(() -> UnixFsReader.readAll(root, blocks::get, input.length - 1))
        .isInstanceOf(SizeLimitExceededException.class).hasMessageContaining("limit of " + (input.length - 1));
  }

  @Test
  void aDagOverTheLimitFailsBeforeItsLeavesAreFetched() {
    byte[] input = IpfsVectors.input(3 * UnixFsImporter.CHUNK_SIZE);
    Cid root = importInto(UnixFsImporter.cidV1(), input);
    List<Cid> fetched = new java.util.ArrayList<>();
    assertThatThrownBy(() -> UnixFsReader.readAll(root, cid -> {
      fetched.add(cid);
      return blocks.get(cid);
    }, UnixFsImporter.CHUNK_SIZE)).isInstanceOf(SizeLimitExceededException.class);
    assertThat(fetched).containsExactly(root);
  }

  @Test
  void aSingleRawBlockOverTheLimitFails() {
    byte[] input = IpfsVectors.input(1000);
    Cid root = importInto(UnixFsImporter.cidV1(), input);
    assertThat(UnixFsReader.readAll(root, blocks::get, 1000)).hasSize(1000);
    assertThatThrownBy(() -> UnixFsReader.readAll(root, blocks::get, 999))
        .isInstanceOf(SizeLimitExceededException.class);
  }

  @Test
  void aBlockWhoseBytesDoNotMatchItsCidIsRejected() {
    byte[] input = IpfsVectors.input(2 * UnixFsImporter.CHUNK_SIZE);
    Cid root = importInto(UnixFsImporter.cidV0(), input);
    Cid leaf = PbNode.decode(blocks.get(root)).links().get(1).hash();
    byte[] lie = blocks.get(leaf).clone();
    lie[100] ^= 1;
    blocks.put(leaf, lie);
    assertThatThrownBy(() -> UnixFsReader.readAll(root, blocks::get, input.length))
        .isInstanceOf(BlockMismatchException.class).hasMessageContaining(leaf.toString())
        .satisfies(e -> assertThat(((IpfsException) e).retryable()).isTrue());
  }

  @Test
  void aMissingBlockIsNamed() {
    byte[] input = IpfsVectors.input(2 * UnixFsImporter.CHUNK_SIZE);
    Cid root = importInto(UnixFsImporter.cidV1(), input);
    Cid leaf = PbNode.decode(blocks.get(root)).links().get(0).hash();
    blocks.remove(leaf);
    assertThatThrownBy(() -> UnixFsReader.readAll(root, blocks::get, input.length))
        .isInstanceOf(MissingBlockException.class).hasMessageContaining(leaf.toString());
  }

  @Test
  void declaredBlocksizesMustMatchTheChildren() {
    Cid root = twoLeafRoot(new long[] {UnixFsImporter.CHUNK_SIZE, 6}, UnixFsImporter.CHUNK_SIZE + 6);
    assertThatThrownBy(() -> UnixFsReader.readAll(root, blocks::get, 1 << 20))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("blocksize 6 declared");
  }

  @Test
  void theDeclaredFilesizeMustBeTheSumOfTheBlocksizes() {
    Cid root = twoLeafRoot(new long[] {UnixFsImporter.CHUNK_SIZE, 10}, UnixFsImporter.CHUNK_SIZE + 11);
    assertThatThrownBy(() -> UnixFsReader.readAll(root, blocks::get, 1 << 20))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("filesize 262155 but");
  }

  @Test
  void asManyBlocksizesAsLinks() {
    Cid root = twoLeafRoot(new long[] {UnixFsImporter.CHUNK_SIZE}, UnixFsImporter.CHUNK_SIZE);
    assertThatThrownBy(() -> UnixFsReader.readAll(root, blocks::get, 1 << 20))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("1 blocksizes for 2 links");
  }

  @Test
  void aDirectoryIsNotAFile() {
    byte[] node = new PbNode(new UnixFsData(1, null, -1, new long[0]).encode(), List.of()).encode();
    Cid cid = Cid.of(0, Codec.DAG_PB, Sha256.digest(node));
    blocks.put(cid, node);
    assertThatThrownBy(() -> UnixFsReader.readAll(cid, blocks::get, 100))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("type 1 is not a file");
  }

  @Test
  void aChildLinkedAgainIsWrittenAgainButFetchedAndVerifiedOnce() {
    UnixFsDags dags = new UnixFsDags();
    Cid abc = dags.leaf(ascii("abc"));
    Cid de = dags.leaf(ascii("de"));
    Cid mid = dags.node(ascii("["), List.of(abc, de, abc));
    UnixFsDags.Dag dag = dags.dag(dags.node(ascii(">"), List.of(mid, abc, mid)));
    Map<Cid, AtomicInteger> fetches = new ConcurrentHashMap<>();

    byte[] file = UnixFsReader.readAll(dag.root(), counting(dag, fetches), 1000);

    assertThat(new String(file, StandardCharsets.US_ASCII)).isEqualTo(">[abcdeabcabc[abcdeabc");
    assertThat(fetches).hasSize(4).allSatisfy((cid, count) -> assertThat(count).hasValue(1));
  }

  @Test
  void repeatVisitsExactlyAtTheBudgetAreRead() throws IOException {
    UnixFsDags.Dag dag = UnixFsDags.sharedFanOut(3, 2, ascii("ab"));
    // 1 root, 3 visits of the middle node, 9 of the leaf: 2 first visits, 2 + 8 repeats.
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(UnixFsReader.read(dag.root(), dag::get, new ReadBudget(18, 10), out)).isEqualTo(18);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("ab".repeat(9));
  }

  @Test
  void oneRepeatVisitPastTheBudgetIsRefusedNamingTheRootAndTheBudget() {
    UnixFsDags.Dag dag = UnixFsDags.sharedFanOut(3, 2, ascii("ab"));

    assertThatThrownBy(() -> UnixFsReader.read(dag.root(), dag::get, new ReadBudget(18, 9),
        new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(DagTooComplexException.class, e -> {
          assertThat(e.root()).isEqualTo(dag.root());
          assertThat(e.budget()).isEqualTo(9);
          assertThat(e.retryable()).isFalse();
        })
        .hasMessageContaining(dag.root().toString()).hasMessageContaining("more than 9 repeat visits");
  }

  @Test
  void theIssuesDagOfTwoThousandByTwoThousandLinksIsRefusedAfterThreeFetches() {
    UnixFsDags.Dag dag = UnixFsDags.sharedFanOut(2000, 2, new byte[0]);
    Map<Cid, AtomicInteger> fetches = new ConcurrentHashMap<>();

    assertThatThrownBy(() -> UnixFsReader.readAll(dag.root(), counting(dag, fetches), 10 << 20))
        .isInstanceOf(DagTooComplexException.class).hasMessageContaining("more than 20488 repeat visits");
    assertThat(fetches).hasSize(3).allSatisfy((cid, count) -> assertThat(count).hasValue(1));
  }

  @Test
  void theDefaultBudgetReadsTheMostRepetitiveHonestFileAtTheChunkFloor() {
    int limit = 256 * ReadBudget.SHARED_CHUNK_FLOOR;
    assertThat(ReadBudget.forFile(10 << 20).maxRepeatVisits()).isEqualTo(2 * 10 * 1024 + UnixFsReader.MAX_DEPTH);
    assertThat(ReadBudget.forFile(limit + 1).maxRepeatVisits()).isEqualTo(2 * 257 + UnixFsReader.MAX_DEPTH);
    // 256 equal 1 KiB chunks under a binary tree, the smallest fan-out: 511 visits, all but 9 of them repeats.
    UnixFsDags.Dag binary = UnixFsDags.sharedFanOut(2, 8, new byte[ReadBudget.SHARED_CHUNK_FLOOR]);
    assertThat(UnixFsReader.readAll(binary.root(), binary::get, limit)).hasSize(limit);
    // The same chunks as kubo lays them out: 174 links, then 82.
    UnixFsDags dags = new UnixFsDags();
    Cid chunk = dags.leaf(new byte[ReadBudget.SHARED_CHUNK_FLOOR]);
    Cid root = dags.node(new byte[0], List.of(dags.fanOut(chunk, 174), dags.fanOut(chunk, 82)));
    UnixFsDags.Dag kubo = dags.dag(root);
    assertThat(UnixFsReader.readAll(kubo.root(), kubo::get, limit)).hasSize(limit);
  }

  @Test
  void aChainAtTheDepthLimitIsReadAndOneLevelDeeperIsNot() {
    UnixFsDags.Dag atLimit = UnixFsDags.sharedFanOut(1, UnixFsReader.MAX_DEPTH, ascii("x"));
    assertThat(UnixFsReader.readAll(atLimit.root(), atLimit::get, 1)).containsExactly('x');
    UnixFsDags.Dag deeper = UnixFsDags.sharedFanOut(1, UnixFsReader.MAX_DEPTH + 1, ascii("x"));
    assertThatThrownBy(() -> UnixFsReader.readAll(deeper.root(), deeper::get, 1))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("deeper than 8 levels");
  }

  @Test
  void anInterruptStopsTheReadAtTheNextNodeAndStaysSet() {
    UnixFsDags dags = new UnixFsDags();
    List<Cid> leaves = List.of(dags.leaf(ascii("a")), dags.leaf(ascii("b")), dags.leaf(ascii("c")));
    UnixFsDags.Dag dag = dags.dag(dags.node(new byte[0], leaves));
    Map<Cid, AtomicInteger> fetches = new ConcurrentHashMap<>();
    BlockSource interruptingAtTheFirstLeaf = cid -> {
      if (cid.equals(leaves.get(0))) {
        Thread.currentThread().interrupt();
      }
      return counting(dag, fetches).get(cid);
    };
    try {
      assertThatThrownBy(() -> UnixFsReader.read(dag.root(), interruptingAtTheFirstLeaf, 10,
          new ByteArrayOutputStream()))
          .isInstanceOf(InterruptedIOException.class).hasMessageContaining(dag.root().toString());
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(fetches.keySet()).containsExactlyInAnyOrder(dag.root(), leaves.get(0));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void declaredSizesAddingUpPastLongAreOverTheLimitBeforeAnyChildIsFetched() {
    UnixFsDags dags = new UnixFsDags();
    Cid leaf = dags.leaf(ascii("a"));
    long half = Long.MAX_VALUE / 2 + 1;
    byte[] data = new UnixFsData(UnixFsData.TYPE_FILE, null, -1, new long[] {half, half}).encode();
    Cid root = dags.put(new PbNode(data, List.of(new PbLink(leaf, "", 1), new PbLink(leaf, "", 1))).encode());
    UnixFsDags.Dag dag = dags.dag(root);
    Map<Cid, AtomicInteger> fetches = new ConcurrentHashMap<>();

    assertThatThrownBy(() -> UnixFsReader.readAll(root, counting(dag, fetches), Integer.MAX_VALUE))
        .isInstanceOf(SizeLimitExceededException.class);
    assertThat(fetches.keySet()).containsExactly(root);
  }

  @Test
  void moreBlocksizesThanLinksAreMalformed() {
    UnixFsDags dags = new UnixFsDags();
    byte[] data = new UnixFsData(UnixFsData.TYPE_FILE, null, -1, new long[] {1, 2, 3}).encode();
    Cid root = dags.put(new PbNode(data, List.of(new PbLink(dags.leaf(ascii("a")), "", 1))).encode());
    UnixFsDags.Dag dag = dags.dag(root);

    assertThatThrownBy(() -> UnixFsReader.readAll(root, dag::get, 100))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("more than 1 blocksizes");
  }

  private static BlockSource counting(UnixFsDags.Dag dag, Map<Cid, AtomicInteger> fetches) {
    return cid -> {
      fetches.computeIfAbsent(cid, c -> new AtomicInteger()).incrementAndGet();
      return dag.get(cid);
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** A re-signed root over the two leaves of a 262,154-byte file, with the given sizes. */
  private Cid twoLeafRoot(long[] blocksizes, long filesize) {
    Cid honest = importInto(UnixFsImporter.cidV1(), IpfsVectors.input(UnixFsImporter.CHUNK_SIZE + 10));
    List<PbLink> links = PbNode.decode(blocks.get(honest)).links();
    byte[] data = new UnixFsData(UnixFsData.TYPE_FILE, null, filesize, blocksizes).encode();
    byte[] node = new PbNode(data, links).encode();
    Cid root = Cid.of(1, Codec.DAG_PB, Sha256.digest(node));
    blocks.put(root, node);
    return root;
  }
}
