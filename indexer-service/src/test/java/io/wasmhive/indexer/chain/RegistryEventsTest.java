package io.wasmhive.indexer.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;

/** The Java event definitions against the committed ABI, and decoding of hand-built logs. */
class RegistryEventsTest {

  static final String ID = "0x" + "ab".repeat(32);
  static final String OWNER_TOPIC = "0x" + "00".repeat(12) + "cd".repeat(20);

  @Test
  void topicsAndIndexedFlagsMatchTheCommittedAbi() throws IOException {
    assertThat(RegistryEvents.CREATED_TOPIC).isEqualTo(topicFromAbi("WasmCreated"))
        .isEqualTo(Hash.sha3String("WasmCreated(bytes32,string,address)"));
    assertThat(RegistryEvents.UPDATED_TOPIC).isEqualTo(topicFromAbi("WasmUpdated"))
        .isEqualTo(Hash.sha3String("WasmUpdated(bytes32,string,string)"));
    assertThat(indexedFromAbi("WasmCreated")).isEqualTo(indexed(RegistryEvents.WASM_CREATED));
    assertThat(indexedFromAbi("WasmUpdated")).isEqualTo(indexed(RegistryEvents.WASM_UPDATED));
  }

  @Test
  void aCreatedLogDecodes() {
    Log log = log(List.of(RegistryEvents.CREATED_TOPIC, ID, OWNER_TOPIC), data("bafkreiabc"));
    assertThat(RegistryEvents.decode(log)).isEqualTo(
        new ModuleRegistered(ID, "bafkreiabc", "0x" + "cd".repeat(20), 7, "0x" + "ee".repeat(32), 3));
  }

  @Test
  void anUpdatedLogDecodes() {
    Log log = log(List.of(RegistryEvents.UPDATED_TOPIC, ID), data("QmOld", "QmNew"));
    assertThat(RegistryEvents.decode(log)).isEqualTo(
        new ModuleUpdated(ID, "QmOld", "QmNew", 7, "0x" + "ee".repeat(32), 3));
  }

  @Test
  void foreignOrMalformedLogsAreRefusedWithTheirTransaction() {
    assertThatThrownBy(() -> RegistryEvents.decode(log(List.of(Hash.sha3String("Other()")), "0x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a registry event")
        .hasMessageContaining("ee".repeat(32));
    assertThatThrownBy(() -> RegistryEvents.decode(log(List.of(RegistryEvents.CREATED_TOPIC, ID), data("Qm"))))
        .as("owner topic missing").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegistryEvents.decode(log(List.of(RegistryEvents.UPDATED_TOPIC, ID), "0x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("undecodable");
    assertThatThrownBy(() -> RegistryEvents.decode(log(List.of(RegistryEvents.CREATED_TOPIC, ID, OWNER_TOPIC), "0x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("undecodable");
  }

  private static Log log(List<String> topics, String data) {
    Log log = new Log();
    log.setTopics(topics);
    log.setData(data);
    log.setBlockNumber("0x7");
    log.setLogIndex("0x3");
    log.setTransactionHash("0x" + "EE".repeat(32));
    return log;
  }

  private static String data(String... strings) {
    List<Type> values = new ArrayList<>();
    for (String s : strings) {
      values.add(new Utf8String(s));
    }
    return "0x" + FunctionEncoder.encodeConstructor(values);
  }

  private static String topicFromAbi(String name) throws IOException {
    List<String> types = new ArrayList<>();
    abiEvent(name).get("inputs").forEach(input -> types.add(input.get("type").asText()));
    return Hash.sha3String(name + "(" + String.join(",", types) + ")");
  }

  private static List<Boolean> indexedFromAbi(String name) throws IOException {
    List<Boolean> flags = new ArrayList<>();
    abiEvent(name).get("inputs").forEach(input -> flags.add(input.get("indexed").asBoolean()));
    return flags;
  }

  private static List<Boolean> indexed(Event event) {
    return event.getParameters().stream().map(TypeReference::isIndexed).toList();
  }

  private static JsonNode abiEvent(String name) throws IOException {
    for (JsonNode entry : DevChain.committedArtifact().get("abi")) {
      if ("event".equals(entry.get("type").asText()) && name.equals(entry.get("name").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no event " + name + " in WasmRegistry.json");
  }
}
