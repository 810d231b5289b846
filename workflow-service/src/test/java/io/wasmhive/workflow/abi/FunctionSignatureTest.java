package io.wasmhive.workflow.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionSignatureTest {

  @Test
  void parsesTheSdksPlainForm() {
    FunctionSignature transfer = FunctionSignature.parse("transfer(address,uint256)");
    assertThat(transfer.name()).isEqualTo("transfer");
    assertThat(transfer.inputTypes()).containsExactly("address", "uint256");
    assertThat(transfer.outputTypes()).isEmpty();
    assertThat(transfer.selectorSignature()).isEqualTo("transfer(address,uint256)");
  }

  @Test
  void parsesModifiersReturnsNamesAndTheFunctionKeyword() {
    FunctionSignature balance = FunctionSignature.parse("function balanceOf(address owner) view returns (uint256)");
    assertThat(balance.name()).isEqualTo("balanceOf");
    assertThat(balance.inputTypes()).containsExactly("address");
    assertThat(balance.outputTypes()).containsExactly("uint256");
    assertThat(FunctionSignature.parse("balanceOf(address) view returns (uint256)").selectorSignature())
        .isEqualTo("balanceOf(address)");
    assertThat(FunctionSignature.parse("f(string memory s, bytes calldata) external payable").inputTypes())
        .containsExactly("string", "bytes");
  }

  @Test
  void canonicalisesTuplesArraysAndAliases() {
    FunctionSignature f = FunctionSignature.parse(
        "f((address to, uint amount)[] pairs, uint256[3], bytes32, string, bool, int, tuple(int8,(bool)[2])[])");
    assertThat(f.inputTypes()).containsExactly("(address,uint256)[]", "uint256[3]", "bytes32", "string", "bool",
        "int256", "(int8,(bool)[2])[]");
    assertThat(f.selectorSignature()).isEqualTo(
        "f((address,uint256)[],uint256[3],bytes32,string,bool,int256,(int8,(bool)[2])[])");
    assertThat(FunctionSignature.parse("noArgs()").inputTypes()).isEmpty();
    assertThat(FunctionSignature.parse("u(uint8,uint256,int8,int256,bytes1)").inputTypes())
        .isEqualTo(List.of("uint8", "uint256", "int8", "int256", "bytes1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "transfer(address,uint256", "transfer", "transfer(address,,uint256)",
      "transfer(addres,uint256)", "f(uint7)", "f(uint264)", "f(uint08)", "f(bytes0)", "f(bytes33)", "f(int)x",
      "f() view view", "f() returns (uint256) extra", "1f()", "f(uint256[0])", "f(uint256[1025])", "f(())",
      "f(address memory memory)", "function(address)", "f(address view)"})
  void refusesWhatDoesNotParse(String text) {
    assertThatThrownBy(() -> FunctionSignature.parse(text)).isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void boundsTheNestingAndTheLength() {
    assertThat(FunctionSignature.parse("f(uint256" + "[]".repeat(FunctionSignature.MAX_NESTING) + ")")
        .inputTypes()).hasSize(1);
    assertThatThrownBy(() -> FunctionSignature.parse("f(uint256" + "[]".repeat(FunctionSignature.MAX_NESTING + 1)
        + ")")).isInstanceOf(InvalidSignatureException.class).hasMessageContaining("nested deeper");
    int tuples = FunctionSignature.MAX_NESTING;
    assertThat(FunctionSignature.parse("f(" + "(".repeat(tuples) + "bool" + ")".repeat(tuples) + ")")
        .inputTypes()).hasSize(1);
    assertThatThrownBy(() -> FunctionSignature.parse("f(" + "(".repeat(tuples + 1) + "bool"
        + ")".repeat(tuples + 1) + ")")).isInstanceOf(InvalidSignatureException.class);
    assertThat(FunctionSignature.parse("f(uint256[1024])").inputTypes()).containsExactly("uint256[1024]");
    String longest = "f(" + "a".repeat(FunctionSignature.MAX_LENGTH - 12) + "x uint256)";
    assertThat(longest).hasSize(FunctionSignature.MAX_LENGTH);
    assertThatThrownBy(() -> FunctionSignature.parse(longest)).isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("unknown type");
    assertThatThrownBy(() -> FunctionSignature.parse(longest + " ")).isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("longer than 4096");
  }
}
