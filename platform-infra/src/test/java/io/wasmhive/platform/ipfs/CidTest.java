package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.ipfs.IpfsVectors.Vector;
import io.wasmhive.platform.ipfs.internal.Base32;
import io.wasmhive.platform.ipfs.internal.Base58;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidTest {

  private static final String V0 = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
  private static final String V0_AS_V1 = "bafybeif7ztnhq65lumvvtr4ekcwd2ifwgm3awq4zfr3srh462rwyinlb4y";
  private static final String RAW = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

  static Stream<String> referenceCids() {
    return IpfsVectors.vectors().stream()
        .flatMap(v -> Stream.concat(v.v0().blocks().stream(), v.v1().blocks().stream())).distinct();
  }

  @ParameterizedTest
  @MethodSource("referenceCids")
  void everyReferenceCidParsesAndPrintsBackTheSame(String text) {
    Cid cid = Cid.parse(text);
    assertThat(cid).hasToString(text);
    assertThat(Cid.fromBytes(cid.bytes())).isEqualTo(cid);
    assertThat(Cid.parse("z" + Base58.encode(cid.toV1().bytes()))).isEqualTo(cid.toV1());
  }

  @Test
  void v0AndV1ConvertBothWays() {
    Cid v0 = Cid.parse(V0);
    assertThat(v0.version()).isZero();
    assertThat(v0.codec()).isEqualTo(Codec.DAG_PB);
    assertThat(v0.toV1()).hasToString(V0_AS_V1);
    assertThat(v0.toV1().toV0()).isEqualTo(v0);
    assertThat(v0.toV1()).isNotEqualTo(v0);
    assertThat(v0.toV1().hashCode()).isEqualTo(Cid.parse(V0_AS_V1).hashCode());
    assertThat(v0.bytes()).isEqualTo(v0.multihash()).hasSize(34);
  }

  @Test
  void rawCidsHaveNoV0Form() {
    Cid raw = Cid.parse(RAW);
    assertThat(raw.codec()).isEqualTo(Codec.RAW);
    assertThat(raw.toV1()).isSameAs(raw);
    assertThatThrownBy(raw::toV0).isInstanceOf(InvalidCidException.class).hasMessageContaining("raw");
  }

  @Test
  void rawOfVerifiesAndDigestsItsBytes() {
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    Cid cid = Cid.rawOf(hello);
    assertThat(HexFormat.of().formatHex(cid.digest()))
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(cid.multihash()).startsWith(0x12, 0x20);
    assertThat(cid.verifies(hello)).isTrue();
    assertThat(cid.verifies("hellp".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(Cid.rawOf(new byte[0])).hasToString(RAW);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fsomething", "mAXASI", "Bafkrei", "uAXASI", "9abc"})
  void anUnsupportedMultibaseIsNamed(String text) {
    assertThatThrownBy(() -> Cid.parse(text)).isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("unsupported multibase prefix '" + text.charAt(0) + "'");
  }

  @Test
  void badCharactersAreNamed() {
    String badV0 = V0.substring(0, 10) + "0" + V0.substring(11);
    assertThatThrownBy(() -> Cid.parse(badV0)).isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("'0' at index 10 is not a base58btc character");
    assertThatThrownBy(() -> Cid.parse("b" + RAW.substring(1, 20) + "1" + RAW.substring(21)))
        .isInstanceOf(InvalidCidException.class).hasMessageContaining("'1' at index 19 is not a base32");
    assertThatThrownBy(() -> Cid.parse(RAW.toUpperCase().replace('B', 'b')))
        .isInstanceOf(InvalidCidException.class).hasMessageContaining("not a base32 (lower-case) character");
    assertThatThrownBy(() -> Cid.parse("")).isInstanceOf(InvalidCidException.class).hasMessage("empty CID");
  }

  @Test
  void aTruncatedMultihashIsNamed() {
    byte[] bytes = Cid.parse(RAW).bytes();
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);
    assertThatThrownBy(() -> Cid.parse("b" + Base32.encode(truncated))).isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("truncated multihash: 22 of 32 digest bytes");
    assertThatThrownBy(() -> Cid.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(InvalidCidException.class).hasMessageContaining("1 trailing bytes");
    String shortV0 = Base58.encode(Arrays.copyOf(Cid.parse(V0).bytes(), 33));
    assertThatThrownBy(() -> Cid.parse("z" + shortV0)).isInstanceOf(InvalidCidException.class);
    assertThatThrownBy(() -> Cid.fromBytes(new byte[] {0x01, 0x55})).isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("malformed CID");
  }

  @Test
  void unsupportedCodecsHashesAndVersionsAreNamed() {
    byte[] digest = Cid.parse(RAW).digest();
    assertThatThrownBy(() -> Cid.fromBytes(cid(1, 0x71, 0x12, 32, digest))).isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("unsupported codec 0x71");
    assertThatThrownBy(() -> Cid.fromBytes(cid(1, 0x55, 0x13, 32, digest))).isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("unsupported multihash 0x13");
    assertThatThrownBy(() -> Cid.fromBytes(cid(1, 0x55, 0x12, 20, Arrays.copyOf(digest, 20))))
        .isInstanceOf(InvalidCidException.class).hasMessageContaining("digest length 20, expected 32");
    assertThatThrownBy(() -> Cid.fromBytes(cid(2, 0x55, 0x12, 32, digest))).isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("unsupported CID version 2");
    assertThatThrownBy(() -> Cid.of(0, Codec.RAW, digest)).isInstanceOf(InvalidCidException.class);
    assertThatThrownBy(() -> Cid.parse("z" + Base58.encode(Cid.parse(V0).bytes())))
        .isInstanceOf(InvalidCidException.class).hasMessageContaining("CIDv0 multihash may not carry a multibase");
  }

  private static byte[] cid(int version, int codec, int hash, int length, byte[] digest) {
    byte[] head = {(byte) version, (byte) codec, (byte) hash, (byte) length};
    byte[] out = Arrays.copyOf(head, 4 + digest.length);
    System.arraycopy(digest, 0, out, 4, digest.length);
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.wasmhive.platform.ipfs.UnixFsImporterTest#vectors")
  void v0RootsConvertToTheV1FormOfTheReference(Vector vector) {
    assertThat(Cid.parse(vector.v0().root()).toV1()).hasToString(vector.v0().rootAsV1());
    assertThat(Cid.parse(vector.v0().rootAsV1()).toV0()).hasToString(vector.v0().root());
    assertThat(Cid.parse(vector.v1().root()).version()).isEqualTo(1);
  }
}
