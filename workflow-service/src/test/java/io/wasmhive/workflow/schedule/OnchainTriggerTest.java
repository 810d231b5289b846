package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.workflow.sdk.Trigger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How an {@code onchain} trigger becomes a call and a comparison. */
class OnchainTriggerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String HOLDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  @Test
  void theCallIsTheSelectorAndStaticArgumentsAndTheConditionComparesTheFirstWord() {
    OnchainTrigger trigger = of("balanceOf(address)", "[\"" + HOLDER + "\"]",
        "{\"condition\":\"GREATER_THAN_OR_EQUAL\",\"value\":\"100\"}");
    assertThat(trigger.data()).isEqualTo("0x70a08231" + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(trigger.target()).isEqualTo(TOKEN.toLowerCase());
    assertThat(trigger.holds(word(100))).isTrue();
    assertThat(trigger.holds(word(99))).isFalse();
    assertThat(trigger.holds("0x")).as("a reverted or empty read never holds").isFalse();
  }

  @Test
  void numericConditionsOneOfAndNoConditionAtAll() {
    assertThat(of("totalSupply()", "[]", "{\"condition\":0,\"value\":\"7\"}").holds(word(7))).isTrue();
    OnchainTrigger oneOf = of("totalSupply()", "[]", "{\"condition\":\"ONE_OF\",\"value\":\"[1, 2, 3]\"}");
    assertThat(oneOf.holds(word(2))).isTrue();
    assertThat(oneOf.holds(word(4))).isFalse();
    OnchainTrigger nonZero = of("paused()", "[]", null);
    assertThat(nonZero.holds(word(1))).isTrue();
    assertThat(nonZero.holds(word(0))).isFalse();
    OnchainTrigger signed = of("delta() returns (int256)", "[]", "{\"condition\":\"LESS_THAN\",\"value\":\"0\"}");
    assertThat(signed.holds("0x" + "f".repeat(64))).isTrue();
  }

  @Test
  void whatCannotBePolledSaysWhy() {
    assertThatThrownBy(() -> of("balanceOf(address)", "[]", null)).hasMessageContaining("takes 1 argument(s), args has 0");
    assertThatThrownBy(() -> of("names(string)", "[\"x\"]", null)).hasMessageContaining("only static types");
    assertThatThrownBy(() -> of("totalSupply()", "[]", "{\"condition\":\"ABOUT\",\"value\":\"1\"}"))
        .hasMessageContaining("is not one of");
  }

  private static String word(long value) {
    return "0x" + String.format("%064x", value);
  }

  private static OnchainTrigger of(String abi, String args, String condition) {
    String params = "{\"target\":\"" + TOKEN + "\",\"abi\":" + JSON.writeValueAsString(abi) + ",\"args\":" + args
        + ",\"chainId\":31337" + (condition == null ? "" : ",\"onchainCondition\":" + condition) + "}";
    return OnchainTrigger.of(new Trigger("onchain", JSON.readTree(params)), 0);
  }
}
