package io.wasmhive.indexer.chain;

import java.util.List;
import java.util.Locale;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.Log;
import io.wasmhive.platform.chainwatch.ChainLog;
import io.wasmhive.platform.chainwatch.Web3jChain;
import org.web3j.utils.Numeric;

/** The registry's two events as web3j ABI definitions, and the decoding of their logs. Stateless; thread-safe. */
final class RegistryEvents {

  static final Event WASM_CREATED = new Event("WasmCreated", List.of(
      new TypeReference<Bytes32>(true) { }, new TypeReference<Utf8String>() { }, new TypeReference<Address>(true) { }));

  static final Event WASM_UPDATED = new Event("WasmUpdated", List.of(
      new TypeReference<Bytes32>(true) { }, new TypeReference<Utf8String>() { }, new TypeReference<Utf8String>() { }));

  /** topic0 of {@code WasmCreated(bytes32,string,address)}: the keccak-256 of that signature. */
  static final String CREATED_TOPIC = EventEncoder.encode(WASM_CREATED);

  /** topic0 of {@code WasmUpdated(bytes32,string,string)}. */
  static final String UPDATED_TOPIC = EventEncoder.encode(WASM_UPDATED);

  private RegistryEvents() {
  }

  /**
   * Decodes one registry log.
   *
   * @throws IllegalArgumentException when the log is not one of the two events or its topics or data do not
   *     decode as their ABI says
   */
  static RegistryEvent decode(Log log) {
    return decode(Web3jChain.of(log));
  }

  /**
   * Decodes one registry log as the shared watcher reads it.
   *
   * @throws IllegalArgumentException when the log is not one of the two events or its topics or data do not
   *     decode as their ABI says
   */
  static RegistryEvent decode(ChainLog log) {
    List<String> topics = log.topics();
    String topic0 = topics.isEmpty() ? "" : topics.get(0).toLowerCase(Locale.ROOT);
    try {
      if (topic0.equals(CREATED_TOPIC) && topics.size() == 3) {
        return created(log, topics);
      }
      if (topic0.equals(UPDATED_TOPIC) && topics.size() == 2) {
        return updated(log, topics);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("undecodable registry log in tx " + log.txHash() + ": " + e, e);
    }
    throw new IllegalArgumentException("not a registry event: topics " + topics + " in tx " + log.txHash());
  }

  private static ModuleRegistered created(ChainLog log, List<String> topics) {
    List<Type> data = nonIndexed(log, WASM_CREATED);
    Address owner = (Address) FunctionReturnDecoder.decodeIndexedValue(topics.get(2), new TypeReference<Address>() { });
    return new ModuleRegistered(id(topics), (String) data.get(0).getValue(), owner.getValue().toLowerCase(Locale.ROOT),
        log.blockNumber(), txHash(log), log.logIndex());
  }

  private static ModuleUpdated updated(ChainLog log, List<String> topics) {
    List<Type> data = nonIndexed(log, WASM_UPDATED);
    return new ModuleUpdated(id(topics), (String) data.get(0).getValue(), (String) data.get(1).getValue(),
        log.blockNumber(), txHash(log), log.logIndex());
  }

  private static List<Type> nonIndexed(ChainLog log, Event event) {
    List<Type> values = FunctionReturnDecoder.decode(log.data(), event.getNonIndexedParameters());
    if (values.size() != event.getNonIndexedParameters().size()) {
      throw new IllegalArgumentException("data holds " + values.size() + " values, the event has "
          + event.getNonIndexedParameters().size());
    }
    return values;
  }

  private static String id(List<String> topics) {
    Bytes32 id = (Bytes32) FunctionReturnDecoder.decodeIndexedValue(topics.get(1), new TypeReference<Bytes32>() { });
    return Numeric.toHexString(id.getValue());
  }

  private static String txHash(ChainLog log) {
    return log.txHash().toLowerCase(Locale.ROOT);
  }
}
