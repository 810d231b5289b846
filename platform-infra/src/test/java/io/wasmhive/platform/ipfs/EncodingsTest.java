package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.ipfs.internal.Base32;
import io.wasmhive.platform.ipfs.internal.Base58;
import io.wasmhive.platform.ipfs.internal.ProtoWriter;
import io.wasmhive.platform.ipfs.internal.Varint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingsTest {

  @ParameterizedTest
  @CsvSource({"'',''", "f,my", "fo,mzxq", "foo,mzxw6", "foob,mzxw6yq", "fooba,mzxw6ytb", "foobar,mzxw6ytboi"})
  void base32MatchesRfc4648(String plain, String encoded) {
    assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
    assertThat(Base32.decode(encoded)).isEqualTo(plain.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void base32RejectsTruncationAndPaddingBits() {
    assertThatThrownBy(() -> Base32.decode("m")).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Base32.decode("mz")).hasMessageContaining("non-zero padding bits");
    assertThatThrownBy(() -> Base32.decode("mzxq=")).hasMessageContaining("'=' at index 4");
  }

  @ParameterizedTest
  @CsvSource({"'',''", "hello world,StV1DL6CwTryKyV", "'\u0000\u0000a',112g"})
  void base58MatchesBitcoin(String plain, String encoded) {
    byte[] bytes = plain.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Base58.encode(bytes)).isEqualTo(encoded);
    assertThat(Base58.decode(encoded)).isEqualTo(bytes);
  }

  @Test
  void base58RejectsCharactersOutsideItsAlphabet() {
    for (String bad : new String[] {"0", "O", "I", "l", "é"}) {
      assertThatThrownBy(() -> Base58.decode("2" + bad)).hasMessageContaining("at index 1 is not a base58btc");
    }
  }

  @Test
  void varintsRoundTripAtTheirByteEdges() throws IOException {
    long[] values = {0, 127, 128, 16_383, 16_384, 262_144, Long.MAX_VALUE};
    int[] sizes = {1, 1, 2, 2, 3, 3, 9};
    for (int i = 0; i < values.length; i++) {
      byte[] encoded = Varint.encode(values[i]);
      assertThat(encoded).hasSize(sizes[i]);
      assertThat(new ByteCursor(encoded).readVarint()).isEqualTo(values[i]);
      assertThat(VarintReader.read(new ByteArrayInputStream(encoded))).isEqualTo(values[i]);
    }
    assertThat(VarintReader.read(new ByteArrayInputStream(new byte[0]))).isEqualTo(-1);
  }

  @Test
  void varintsMustBeMinimalShortAndComplete() {
    assertThatThrownBy(() -> new ByteCursor(new byte[] {(byte) 0x80, 0x00}).readVarint())
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("not minimally encoded");
    byte[] tenBytes = {-1, -1, -1, -1, -1, -1, -1, -1, -1, 1};
    assertThatThrownBy(() -> new ByteCursor(tenBytes).readVarint()).hasMessageContaining("longer than 9");
    assertThatThrownBy(() -> VarintReader.read(new ByteArrayInputStream(new byte[] {(byte) 0x80})))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("ends inside a varint");
    assertThatThrownBy(() -> Varint.encode(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unixFsDataRoundTripsAndAcceptsPackedBlocksizes() {
    UnixFsData data = new UnixFsData(UnixFsData.TYPE_FILE, null, 300, new long[] {100, 200});
    UnixFsData decoded = UnixFsData.decode(data.encode());
    assertThat(decoded.filesize()).isEqualTo(300);
    assertThat(decoded.blocksizes()).containsExactly(100, 200);
    byte[] packed = new ProtoWriter(8).varint(1, 2).bytes(4, new byte[] {100, (byte) 0xC8, 0x01}).toByteArray();
    assertThat(UnixFsData.decode(packed).blocksizes()).containsExactly(100, 200);
    assertThatThrownBy(() -> UnixFsData.decode(new byte[] {0x18, 0x00})).hasMessageContaining("without Type");
  }

  @Test
  void blocksizesBeyondTheLinkCountAreRefusedAndManyDecodeInOnePass() {
    byte[] ones = new byte[500_000];
    java.util.Arrays.fill(ones, (byte) 1);
    byte[] packed = new ProtoWriter(ones.length + 16).varint(1, 2).bytes(4, ones).toByteArray();
    // Half a million packed blocksizes: an array copied per value, as before, would take minutes here.
    assertThat(UnixFsData.decode(packed).blocksizes()).hasSize(ones.length).containsOnly(1L);
    assertThat(UnixFsData.decode(packed, ones.length).blocksizes()).hasSize(ones.length);
    assertThatThrownBy(() -> UnixFsData.decode(packed, ones.length - 1))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("more than 499999 blocksizes");
    byte[] unpacked = new UnixFsData(UnixFsData.TYPE_FILE, null, -1, new long[] {1, 2, 3}).encode();
    assertThatThrownBy(() -> UnixFsData.decode(unpacked, 2)).hasMessageContaining("more than 2 blocksizes");
  }

  @Test
  void dagPbRejectsUnknownFieldsAndLinksWithoutHash() {
    assertThatThrownBy(() -> PbNode.decode(new byte[] {0x18, 0x01})).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("unexpected or repeated field 3");
    assertThatThrownBy(() -> PbNode.decode(new byte[] {0x12, 0x02, 0x18, 0x01}))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("without Hash");
    assertThatThrownBy(() -> PbNode.decode(new byte[] {0x0A, 0x05, 0x01}))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("exceeds");
  }
}
