package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.workflow.sdk.Trigger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import tools.jackson.databind.json.JsonMapper;

/** How an {@code event} trigger's signature and filter become the contract and topics asked of the chain. */
class EventTriggerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");

  @Test
  void aPlainSignatureAsksForItsTopic0AtTheContract() {
    EventTrigger trigger = of("Transfer(address,address,uint256)", null);
    assertThat(trigger.signature()).isEqualTo("Transfer(address,address,uint256)");
    assertThat(trigger.chainId()).isEqualTo(31337);
    assertThat(trigger.filter().address()).isEqualTo(TOKEN.toLowerCase());
    assertThat(trigger.filter().topics()).containsExactly(List.of(TRANSFER_TOPIC));
  }

  @Test
  void namedIndexedParametersAreFilteredByTopicPositionAndShortTypesAreCanonical() {
    EventTrigger trigger = of("event Transfer(address indexed from, address indexed to, uint value)",
        "{\"to\":[\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\",\"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC\"]}");
    assertThat(trigger.signature()).isEqualTo("Transfer(address,address,uint256)");
    assertThat(trigger.filter().topics()).containsExactly(List.of(TRANSFER_TOPIC), List.of(),
        List.of("0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8",
            "0x0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"));
    EventTrigger numbers = of("Paid(uint256 indexed id, int8 indexed delta, bool indexed ok, string memo)",
        "{\"id\":\"16\",\"delta\":-1,\"ok\":true}");
    assertThat(numbers.filter().topics()).containsExactly(List.of(Hash.sha3String("Paid(uint256,int8,bool,string)")),
        List.of("0x0000000000000000000000000000000000000000000000000000000000000010"),
        List.of("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
        List.of("0x0000000000000000000000000000000000000000000000000000000000000001"));
  }

  @Test
  void whatCannotBeWatchedSaysWhy() {
    assertThatThrownBy(() -> of("Transfer", null)).hasMessageContaining("does not parse: it is not name(parameters)");
    assertThatThrownBy(() -> of("Transfer(adress,address,uint256)", null))
        .hasMessageContaining("\"adress\" is not a type");
    assertThatThrownBy(() -> of("Transfer(address indexed from, address to, uint256 value)", "{\"to\":\"0x01\"}"))
        .hasMessageContaining("the filter names [to], which are not indexed parameters");
    assertThatThrownBy(() -> of("Transfer(address indexed from, address to, uint256 value)", "{\"from\":\"x\"}"))
        .hasMessageContaining("filter from value \"x\" is not a address");
  }

  private static EventTrigger of(String signature, String filter) {
    String params = "{\"signature\":" + JSON.writeValueAsString(signature) + ",\"contractAddress\":\"" + TOKEN
        + "\",\"chainId\":31337" + (filter == null ? "" : ",\"filter\":" + filter) + "}";
    return EventTrigger.of(new Trigger("event", JSON.readTree(params)), 0);
  }
}
