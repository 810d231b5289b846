package io.wasmhive.workflow.chain;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which JSON-RPC methods a guest may call, what each requires, and where its block tag goes. Read methods only:
 * the list and the messages are the Ditto simulator's ({@code rpcSimulator.ts}).
 */
final class MethodPolicy {

  /** How one allowed method is checked and pinned. */
  record Method(String name, Requirement requirement, int blockTagIndex) {

    boolean hasBlockTag() {
      return blockTagIndex >= 0;
    }
  }

  /** The leading parameters a method requires, and how the refusal names them. */
  enum Requirement {
    NONE(0, null),
    TRANSACTION_OBJECT(1, "transaction object"),
    ADDRESS(1, "address"),
    ADDRESS_AND_POSITION(2, "address and position"),
    BLOCK_HASH(1, "block hash"),
    TRANSACTION_HASH(1, "transaction hash");

    final int count;
    final String what;

    Requirement(int count, String what) {
      this.count = count;
      this.what = what;
    }

    /** Whether {@code params} (an array) starts with what is required. */
    boolean satisfiedBy(JsonNode params) {
      if (params.size() < count) {
        return false;
      }
      if (this == TRANSACTION_OBJECT) {
        return params.get(0).isObject();
      }
      for (int i = 0; i < count; i++) {
        if (!params.get(i).isString() || params.get(i).stringValue().isEmpty()) {
          return false;
        }
      }
      return true;
    }
  }

  private static final Map<String, Method> ALLOWED = Map.ofEntries(
      entry("eth_call", Requirement.TRANSACTION_OBJECT, 1),
      entry("eth_estimateGas", Requirement.TRANSACTION_OBJECT, 1),
      entry("eth_getBalance", Requirement.ADDRESS, 1),
      entry("eth_getTransactionCount", Requirement.ADDRESS, 1),
      entry("eth_getCode", Requirement.ADDRESS, 1),
      entry("eth_getStorageAt", Requirement.ADDRESS_AND_POSITION, 2),
      entry("eth_getBlockByNumber", Requirement.NONE, 0),
      entry("eth_blockNumber", Requirement.NONE, -1),
      entry("eth_chainId", Requirement.NONE, -1),
      entry("net_version", Requirement.NONE, -1),
      entry("web3_clientVersion", Requirement.NONE, -1),
      entry("eth_getBlockByHash", Requirement.BLOCK_HASH, -1),
      entry("eth_getTransactionByHash", Requirement.TRANSACTION_HASH, -1),
      entry("eth_getTransactionReceipt", Requirement.TRANSACTION_HASH, -1));

  /** Refused with "not allowed (write operation)" rather than "not found". */
  private static final Set<String> WRITES = Set.of("eth_sendTransaction", "eth_sendRawTransaction", "eth_sign",
      "eth_signTransaction", "eth_accounts", "personal_sign", "personal_sendTransaction", "eth_mining",
      "eth_submitHashrate", "eth_submitWork");

  private MethodPolicy() {
  }

  /** The allowed method of that name, or null. */
  static Method allowed(String name) {
    return ALLOWED.get(name);
  }

  /** The {@code data} of the -32601 answer to a method that is not allowed. */
  static String refusal(String name) {
    return WRITES.contains(name)
        ? "Method " + name + " is not allowed (write operation)"
        : "Method " + name + " not found or not supported";
  }

  /** Whether a block parameter is one the session replaces with its pinned block. */
  static boolean pinnable(JsonNode tag) {
    return tag == null || tag.isNull()
        || tag.isString() && ("latest".equals(tag.stringValue()) || "pending".equals(tag.stringValue()));
  }

  private static Map.Entry<String, Method> entry(String name, Requirement requirement, int blockTagIndex) {
    return Map.entry(name, new Method(name, requirement, blockTagIndex));
  }
}
