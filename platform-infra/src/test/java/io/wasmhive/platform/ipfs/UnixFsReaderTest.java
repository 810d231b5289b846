package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.ipfs.IpfsVectors.Vector;
import io.wasmhive.platform.ipfs.internal.PbLink;
import io.wasmhive.platform.ipfs.internal.PbNode;
import io.wasmhive.platform.ipfs.internal.Sha256;
import io.wasmhive.platform.ipfs.internal.UnixFsData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
