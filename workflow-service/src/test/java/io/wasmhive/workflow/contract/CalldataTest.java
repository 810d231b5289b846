package io.wasmhive.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Calldata against the encodings published in the Solidity ABI specification, and every refusal. */
class CalldataTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String words(String... words) {
    return String.join("", words);
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }

  @Test
  void encodesTheSpecificationsStaticExample() {
    assertThat(Calldata.encode("baz", List.of("uint32", "bool"), List.of("69", "true")))
        .isEqualTo("0xcdcd77c0" + word(69) + word(1));
    assertThat(Calldata.encode("bar", List.of("bytes3[2]"), List.of("[\"0x616263\",\"0x646566\"]")))
        .isEqualTo("0xfce353f6" + "616263" + "0".repeat(58) + "646566" + "0".repeat(58));
  }

  @Test
  void encodesTheSpecificationsDynamicExamples() {
    assertThat(Calldata.encode("sam", List.of("bytes", "bool", "uint256[]"), List.of("0x64617665", "true", "1,2,3")))
        .isEqualTo("0xa5643bf2" + words(word(0x60), word(1), word(0xa0), word(4),
            "6461766500000000000000000000000000000000000000000000000000000000", word(3), word(1), word(2), word(3)));
    assertThat(Calldata.encode("f", List.of("uint256", "uint32[]", "bytes10", "bytes"),
        List.of("0x123", "[1110,1929]", "0x31323334353637383930", "0x48656c6c6f2c20776f726c6421")))
        .isEqualTo("0x8be65246" + words(word(0x123), word(0x80),
            "3132333435363738393000000000000000000000000000000000000000000000", word(0xe0), word(2), word(0x456),
            word(0x789), word(0xd), "48656c6c6f2c20776f726c642100000000000000000000000000000000000000"));
  }

  @Test
  void encodesNestedDynamicArraysLikeTheSpecification() {
    assertThat(Calldata.encode("g", List.of("uint256[][]", "string[]"),
        List.of(JSON.readTree("[[1,2],[3]]"), "[\"one\",\"two\",\"three\"]")))
        .isEqualTo("0x2289b18c" + words(word(0x40), word(0x140), word(2), word(0x40), word(0xa0), word(2), word(1),
            word(2), word(1), word(3), word(3), word(0x60), word(0xa0), word(0xe0), word(3),
            "6f6e650000000000000000000000000000000000000000000000000000000000", word(3),
            "74776f0000000000000000000000000000000000000000000000000000000000", word(5),
            "7468726565000000000000000000000000000000000000000000000000000000"));
  }

  @Test
  void readsAnArrayFromCommaJoinedTextJsonTextAndJson() {
    String expected = "0x0194db8e" + words(word(0x20), word(3), word(1), word(2), word(3));
    assertThat(Calldata.encode("sum", List.of("uint256[]"), List.of("1,2,3"))).isEqualTo(expected);
    assertThat(Calldata.encode("sum", List.of("uint256[]"), List.of(" 1, 2 ,3 "))).isEqualTo(expected);
    assertThat(Calldata.encode("sum", List.of("uint256[]"), List.of("[1,2,3]"))).isEqualTo(expected);
    assertThat(Calldata.encode("sum", List.of("uint256[]"), List.of("[\"1\",\"2\",\"0x3\"]"))).isEqualTo(expected);
    assertThat(Calldata.encode("sum", List.of("uint256[]"), List.of(JSON.readTree("[1,\"2\",3]")))).isEqualTo(expected);
    assertThat(Calldata.encode("sum", List.of("uint256[]"), List.of(List.of(1, BigInteger.TWO, "3"))))
        .isEqualTo(expected);
    assertThat(Calldata.encode("sum", List.of("uint256[]"), List.of(""))).isEqualTo("0x0194db8e" + word(0x20) + word(0));
  }

  @Test
  void readsAddressArraysAsTheSdkWritesThem() {
    String a = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    String b = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    String expected = Calldata.encode("setRecipients", List.of("address[]"), List.of(List.of(a, b)));
    assertThat(expected).startsWith("0x" + org.web3j.crypto.Hash.sha3String("setRecipients(address[])").substring(2, 10))
        .endsWith(word(0x20).substring(0) + word(2) + "000000000000000000000000" + a.substring(2).toLowerCase()
            + "000000000000000000000000" + b.substring(2).toLowerCase());
    assertThat(Calldata.encode("setRecipients", List.of("address[]"), List.of(a + "," + b))).isEqualTo(expected);
    assertThat(Calldata.encode("setRecipients", List.of("address[]"), List.of("[\"" + a + "\",\"" + b + "\"]")))
        .isEqualTo(expected);
    assertThat(Calldata.encode("setRecipients", List.of("address[]"), List.of("[" + a + "," + b + "]")))
        .isEqualTo(expected);
  }

  @Test
  void encodesTuplesInlineWhenStaticAndBehindAnOffsetWhenDynamic() {
    String to = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    String addressWord = "000000000000000000000000" + to.substring(2);
    assertThat(Calldata.encode("pay", List.of("(address,uint256)"), List.of("[\"" + to + "\",\"1000\"]")))
        .isEqualTo(org.web3j.crypto.Hash.sha3String("pay((address,uint256))").substring(0, 10) + addressWord
            + word(1000));
    assertThat(Calldata.encode("pay", List.of("(address,uint256)"), List.of(JSON.readTree("{\"to\":\"" + to
        + "\",\"amount\":1000}")))).endsWith(addressWord + word(1000));
    assertThat(Calldata.encode("note", List.of("(uint256,string)"), List.of("[7,\"hi\"]")))
        .isEqualTo(org.web3j.crypto.Hash.sha3String("note((uint256,string))").substring(0, 10)
            + words(word(0x20), word(7), word(0x40), word(2),
            "6869000000000000000000000000000000000000000000000000000000000000"));
  }

  @Test
  void encodesEveryIntegerAtItsEdges() {
    assertThat(Calldata.encode("f", List.of("uint8"), List.of("255"))).endsWith(word(255));
    assertThat(Calldata.encode("f", List.of("int8"), List.of("-128"))).endsWith("f".repeat(62) + "80");
    assertThat(Calldata.encode("f", List.of("int256"), List.of("-1"))).endsWith("f".repeat(64));
    assertThat(Calldata.encode("f", List.of("uint256"), List.of("0x" + "f".repeat(64)))).endsWith("f".repeat(64));
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint8"), List.of("256")))
        .isInstanceOf(ArgumentEncodingException.class).hasMessage("argument 0 (uint8): 256 is out of range for uint8");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("int8"), List.of("-129")))
        .hasMessage("argument 0 (int8): -129 is out of range for int8");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint256"), List.of("-1")))
        .hasMessage("argument 0 (uint256): -1 is out of range for uint256");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint256"), List.of("0x1" + "0".repeat(64))))
        .hasMessageStartingWith("argument 0 (uint256): ").hasMessageEndingWith("is out of range for uint256");
  }

  @Test
  void namesTheArgumentIndexAndTypeOfABadValue() {
    String to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    assertThatThrownBy(() -> Calldata.encode("transfer", List.of("address", "uint256"), List.of("0x1234", "5")))
        .isInstanceOf(ArgumentEncodingException.class)
        .hasMessage("argument 0 (address): \"0x1234\" is not an address (0x and 40 hex digits)")
        .satisfies(e -> assertThat(((ArgumentEncodingException) e).index()).isZero());
    assertThatThrownBy(() -> Calldata.encode("transfer", List.of("address", "uint256"), List.of(to, "12abc")))
        .hasMessage("argument 1 (uint256): \"12abc\" is not an integer");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint256"), List.of("1.5")))
        .hasMessage("argument 0 (uint256): \"1.5\" is not an integer");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint256"), List.of(JSON.readTree("1.5"))))
        .hasMessage("argument 0 (uint256): 1.5 is not an integer");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("bool"), List.of("yes")))
        .hasMessage("argument 0 (bool): \"yes\" is not a boolean (true or false)");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("bytes32"), List.of("0x" + "ab".repeat(31))))
        .hasMessage("argument 0 (bytes32): expected 32 bytes, got 31");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("bytes"), List.of("0xabc")))
        .hasMessage("argument 0 (bytes): \"0xabc\" is not hex bytes (0x and an even number of hex digits)");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint256[3]"), List.of("1,2")))
        .hasMessage("argument 0 (uint256[3]): expected 3 elements, got 2");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint256[]"), List.of("1,x,3")))
        .hasMessage("argument 0 (uint256[]): element 1: \"x\" is not an integer");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint256[][]"), List.of("1,2")))
        .hasMessage("argument 0 (uint256[][]): an array of uint256[] must be given as JSON");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("(address,uint256)"), List.of("[\"" + to + "\"]")))
        .hasMessage("argument 0 ((address,uint256)): expected 2 components, got 1");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("(address,uint256)"), List.of("[\"" + to + "\",-1]")))
        .hasMessage("argument 0 ((address,uint256)): component 1: -1 is out of range for uint256");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint7"), List.of("1")))
        .hasMessage("argument 0 (uint7): unknown type uint7");
    assertThat(Calldata.encode("f", List.of("uint8[32]"), List.of("0" + ",0".repeat(31)))).hasSize(10 + 32 * 64);
    assertThatThrownBy(() -> Calldata.encode("f", List.of("uint8[33]"), List.of("0" + ",0".repeat(32))))
        .isInstanceOf(ArgumentEncodingException.class).hasMessage(
            "argument 0 (uint8[33]): fixed arrays longer than 32 elements are not supported (web3j's limit)");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("address"), java.util.Arrays.asList((Object) null)))
        .hasMessage("argument 0 (address): missing value");
    assertThatThrownBy(() -> Calldata.encode("f", List.of("address"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the function takes 1 arguments, got 0");
    assertThatThrownBy(() -> Calldata.encode("f(", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid function name: f(");
  }

  @Test
  void parsesCanonicalTypes() {
    assertThat(SolidityType.parse("uint").canonical()).isEqualTo("uint256");
    assertThat(SolidityType.parse("tuple(address,uint256)[2]").canonical()).isEqualTo("(address,uint256)[2]");
    assertThat(SolidityType.parse("((uint8,bytes)[],string)").canonical()).isEqualTo("((uint8,bytes)[],string)");
    assertThat(SolidityType.parse("((uint8,bytes)[],string)").dynamic()).isTrue();
    assertThat(SolidityType.parse("(address,uint256)[2]").dynamic()).isFalse();
    for (String bad : List.of("", "uint0", "uint264", "int09", "bytes0", "bytes33", "address[0]", "()", "(uint256",
        "uint256[", "[]", "fixed128x18")) {
      assertThatThrownBy(() -> SolidityType.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
