package io.wasmhive.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevertReasonsTest {

  @Test
  void decodesErrorStringPanicAndKeepsOtherDataRaw() {
    String error = "0x08c379a0" + String.format("%064x", 0x20) + String.format("%064x", 5)
        + "68656c6c6f000000000000000000000000000000000000000000000000000000";
    assertThat(RevertReasons.describe(error)).isEqualTo("hello");
    assertThat(RevertReasons.describe("0x4e487b71" + String.format("%064x", 0x11)))
        .isEqualTo("Panic(0x11): arithmetic overflow");
    assertThat(RevertReasons.describe("0x4e487b71" + String.format("%064x", 0x12)))
        .isEqualTo("Panic(0x12): division or modulo by zero");
    assertThat(RevertReasons.describe("0x4e487b71" + String.format("%064x", 0x99)))
        .isEqualTo("Panic(0x99): unknown panic code");
    assertThat(RevertReasons.describe("0xDEADBEEF")).isEqualTo("0xdeadbeef");
    assertThat(RevertReasons.describe("0x08c379a0ff")).isEqualTo("0x08c379a0ff");
    assertThat(RevertReasons.describe("0x")).isEqualTo("execution reverted without data");
  }
}
