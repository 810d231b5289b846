package io.wasmhive.workflow.schedule;

import io.wasmhive.workflow.abi.FunctionSignature;
import io.wasmhive.workflow.sdk.Trigger;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * An {@code onchain} trigger as the watcher uses it: {@code {"type":"onchain","params":{"target","abi","args",
 * "value"?,"chainId","onchainCondition"?:{"condition","value"}}}}, a contract read polled at each new confirmed
 * block: {@code eth_call} of {@code abi(args)} on {@code target}, its first 32-byte return word read as an integer
 * (signed when the {@code abi} says {@code returns (int…)}; {@code bool} is 0 or 1, an address its number), compared
 * with the condition's value ({@code EQUAL}, {@code NOT_EQUAL}, {@code GREATER_THAN}, {@code GREATER_THAN_OR_EQUAL},
 * {@code LESS_THAN}, {@code LESS_THAN_OR_EQUAL}, or {@code ONE_OF} a JSON array or comma-separated list); without a
 * condition, a non-zero word holds. Arguments must be of static types (address, integers, bool, bytesN). Immutable.
 *
 * @param index the trigger's position in the workflow's {@code triggers}
 * @param chainId the chain read
 * @param target the contract called
 * @param data the call's data (selector and arguments)
 * @param signed whether the return word is a signed integer
 * @param condition the comparison, upper case
 * @param values the value(s) compared with
 */
record OnchainTrigger(int index, long chainId, String target, String data, boolean signed, String condition,
    List<BigInteger> values) {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final List<String> CONDITIONS = List.of("EQUAL", "NOT_EQUAL", "GREATER_THAN",
      "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL", "ONE_OF");
  /**
   * The SDK's numeric conditions by their number, in the order {@code conditionEnumToString} lists them (the SDK's
   * {@code serialize} writes the names, so a number arrives only from a hand-written document).
   */
  private static final List<String> BY_NUMBER = List.of("EQUAL", "GREATER_THAN", "LESS_THAN",
      "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL", "NOT_EQUAL", "ONE_OF");

  /**
   * Reads an {@code onchain} trigger.
   *
   * @throws IllegalArgumentException when it cannot be polled; the message says why
   */
  static OnchainTrigger of(Trigger trigger, int index) {
    JsonNode params = trigger.params();
    String where = "onchain trigger " + index + ": ";
    String target = params.path("target").asString("");
    if (!ADDRESS.matcher(target).matches()) {
      throw new IllegalArgumentException(where + "target \"" + target + "\" is not 0x and 40 hex digits");
    }
    long chainId = params.path("chainId").asLong(0);
    if (chainId <= 0) {
      throw new IllegalArgumentException(where + "chainId must be a positive integer");
    }
    FunctionSignature signature;
    try {
      signature = FunctionSignature.parse(params.path("abi").asString(""));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + "abi \"" + params.path("abi").asString("") + "\" does not parse: "
          + e.getMessage(), e);
    }
    JsonNode args = params.path("args");
    List<JsonNode> given = list(args);
    if (given.size() != signature.inputTypes().size()) {
      throw new IllegalArgumentException(where + signature.selectorSignature() + " takes "
          + signature.inputTypes().size() + " argument(s), args has " + given.size());
    }
    StringBuilder data = new StringBuilder(Hash.sha3String(signature.selectorSignature()).substring(0, 10));
    for (int i = 0; i < given.size(); i++) {
      String type = signature.inputTypes().get(i);
      if (type.equals("string") || type.equals("bytes") || type.contains("[") || type.startsWith("(")) {
        throw new IllegalArgumentException(where + "argument " + i + " is a " + type + "; only static types "
            + "(address, integers, bool, bytesN) can be polled");
      }
      try {
        data.append(EventTrigger.topic(type, given.get(i)).substring(2));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + "argument " + i + " " + given.get(i) + " is not a " + type
            + ": " + e.getMessage(), e);
      }
    }
    boolean signed = !signature.outputTypes().isEmpty() && signature.outputTypes().get(0).startsWith("int");
    JsonNode condition = params.path("onchainCondition");
    if (!condition.isObject()) {
      return new OnchainTrigger(index, chainId, target.toLowerCase(Locale.ROOT), data.toString(), signed,
          "NOT_EQUAL", List.of(BigInteger.ZERO));
    }
    JsonNode named = condition.path("condition");
    String name = named.isNumber() && named.asInt() >= 0 && named.asInt() < BY_NUMBER.size()
        ? BY_NUMBER.get(named.asInt()) : named.asString("").toUpperCase(Locale.ROOT);
    if (!CONDITIONS.contains(name)) {
      throw new IllegalArgumentException(where + "onchainCondition.condition " + named + " is not one of "
          + CONDITIONS);
    }
    List<BigInteger> values = new ArrayList<>();
    JsonNode value = condition.path("value");
    List<JsonNode> items = value.isArray() ? list(value) : List.of(value);
    if (name.equals("ONE_OF") && value.isString()) {
      String text = value.stringValue().strip();
      items = new ArrayList<>();
      for (String part : text.replaceAll("^\\[|\\]$", "").split(",")) {
        items.add(StringNode.valueOf(part.strip().replaceAll("^\"|\"$", "")));
      }
    }
    for (JsonNode item : items) {
      try {
        String text = item.isString() ? item.stringValue().strip() : item.toString();
        values.add(text.equals("true") ? BigInteger.ONE : text.equals("false") ? BigInteger.ZERO
            : ADDRESS.matcher(text).matches() || text.startsWith("0x") ? new BigInteger(text.substring(2), 16)
            : new BigInteger(text));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + "onchainCondition.value " + value + " is not a number", e);
      }
    }
    if (values.isEmpty() || !name.equals("ONE_OF") && values.size() != 1) {
      throw new IllegalArgumentException(where + "onchainCondition.value must be one value (a list for ONE_OF)");
    }
    return new OnchainTrigger(index, chainId, target.toLowerCase(Locale.ROOT), data.toString(), signed, name,
        List.copyOf(values));
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode item : array) {
        items.add(item);
      }
    }
    return items;
  }

  /** Whether the call's return holds the condition; a return shorter than one word never does. */
  boolean holds(String returned) {
    String hex = returned == null ? "" : returned.startsWith("0x") ? returned.substring(2) : returned;
    if (hex.length() < 64) {
      return false;
    }
    BigInteger word = new BigInteger(hex.substring(0, 64), 16);
    if (signed && word.testBit(255)) {
      word = word.subtract(BigInteger.ONE.shiftLeft(256));
    }
    BigInteger wanted = values.get(0);
    return switch (condition) {
      case "EQUAL" -> word.equals(wanted);
      case "NOT_EQUAL" -> !word.equals(wanted);
      case "GREATER_THAN" -> word.compareTo(wanted) > 0;
      case "GREATER_THAN_OR_EQUAL" -> word.compareTo(wanted) >= 0;
      case "LESS_THAN" -> word.compareTo(wanted) < 0;
      case "LESS_THAN_OR_EQUAL" -> word.compareTo(wanted) <= 0;
      default -> values.contains(word);
    };
  }

  /** The id of this trigger's cursor and the prefix of its firings: {@code <workflowId>:<index>}. */
  String key(String workflowId) {
    return workflowId + ":" + index;
  }
}
