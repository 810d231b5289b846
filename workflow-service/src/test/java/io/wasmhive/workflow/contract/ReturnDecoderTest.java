package io.wasmhive.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Int8;
import org.web3j.abi.datatypes.generated.Uint256;
import tools.jackson.databind.json.JsonMapper;

/** Return data decoded by output types, as viem's {@code readContract} gives it, from data web3j encodes. */
class ReturnDecoderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private static String encode(Type<?>... values) {
    return "0x" + FunctionEncoder.encodeConstructor(List.of(values));
  }

  @Test
  void oneOutputIsItsValueAndIntegersStayExactOverAll256Bits() {
    assertThat(ReturnDecoder.decode(encode(new Uint256(MAX)), List.of("uint256")))
        .isEqualTo(JSON.getNodeFactory().numberNode(MAX));
    assertThat(ReturnDecoder.decode(encode(new Int8(-5)), List.of("int8")).bigIntegerValue())
        .isEqualTo(BigInteger.valueOf(-5));
  }

  @Test
  void severalOutputsAreAnArrayWithAddressesChecksummedBytesInHexAndStrings() {
    String data = encode(new Address("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"), new Bool(true),
        new Utf8String("TKN"), new DynamicBytes(new byte[] {1, 2, (byte) 0xff}),
        new Bytes4(new byte[] {(byte) 0xa9, 0x05, (byte) 0x9c, (byte) 0xbb}),
        new DynamicArray<>(Uint256.class, List.of(new Uint256(1), new Uint256(2))));
    assertThat(ReturnDecoder.decode(data, List.of("address", "bool", "string", "bytes", "bytes4", "uint256[]"))
        .toString()).isEqualTo(JSON.readTree("[\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",true,\"TKN\",\"0x0102ff\","
            + "\"0xa9059cbb\",[1,2]]").toString());
  }

  @Test
  void emptyDataTuplesAndNoOutputsAreRefused() {
    assertThatThrownBy(() -> ReturnDecoder.decode("0x", List.of("uint256")))
        .hasMessage("the call returned no data (\"0x\")");
    assertThatThrownBy(() -> ReturnDecoder.decode(encode(new Uint256(1)), List.of("(address,uint256)")))
        .hasMessage("tuple outputs are not supported: (address,uint256)");
    assertThatThrownBy(() -> ReturnDecoder.decode(encode(new Uint256(1)), List.of()))
        .hasMessage("the function returns nothing");
  }
}
