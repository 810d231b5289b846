package io.wasmhive.platform.chainwatch;

import java.util.List;
import java.util.Objects;

/**
 * One log as {@code eth_getLogs} answers it, its hex strings in lower case.
 *
 * @param address the emitting contract, 0x and 40 hex digits
 * @param topics topic0 (the event's signature hash) and the indexed arguments, each 0x and 64 hex digits
 * @param data the non-indexed arguments, ABI-encoded, 0x-prefixed
 * @param blockNumber the block that holds it
 * @param logIndex its index within the block
 * @param txHash the transaction that emitted it
 */
public record ChainLog(String address, List<String> topics, String data, long blockNumber, long logIndex,
    String txHash) implements ChainPosition {

  public ChainLog {
    Objects.requireNonNull(address, "address");
    topics = List.copyOf(topics);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(txHash, "txHash");
  }
}
