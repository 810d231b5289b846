package io.wasmhive.workflow.schedule;

import io.wasmhive.platform.chainwatch.LogFilter;
import io.wasmhive.workflow.sdk.Trigger;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * An {@code event} trigger as the watcher uses it: {@code {"type":"event","params":{"signature","contractAddress",
 * "chainId","filter"?}}}. The signature is the event's human-readable ABI without the {@code event} keyword (which
 * is accepted too): {@code Transfer(address,address,uint256)} or, to filter on arguments,
 * {@code Transfer(address indexed from, address indexed to, uint256 value)}. The filter maps names of
 * <em>indexed</em> parameters to a value, or to an array of values any of which matches (viem's {@code args}).
 * Immutable.
 *
 * @param index the trigger's position in the workflow's {@code triggers}
 * @param chainId the chain whose logs are watched
 * @param filter the contract and topics asked of {@code eth_getLogs}
 * @param signature the canonical signature ({@code Transfer(address,address,uint256)})
 */
record EventTrigger(int index, long chainId, LogFilter filter, String signature) {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern TYPE = Pattern.compile("(u?int(\\d{0,3})|address|bool|string|bytes(\\d{0,2})|"
      + "function)(\\[\\d*\\])*");

  /** One parameter of the event. */
  private record Parameter(String type, boolean indexed, String name) {
  }

  /**
   * Reads an {@code event} trigger.
   *
   * @throws IllegalArgumentException when it cannot be watched; the message says why
   */
  static EventTrigger of(Trigger trigger, int index) {
    JsonNode params = trigger.params();
    String address = params.path("contractAddress").asString("");
    if (!ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException("event trigger " + index + ": contractAddress \"" + address
          + "\" is not 0x and 40 hex digits");
    }
    long chainId = params.path("chainId").asLong(0);
    if (chainId <= 0) {
      throw new IllegalArgumentException("event trigger " + index + ": chainId must be a positive integer");
    }
    String text = params.path("signature").asString("").strip();
    String name;
    List<Parameter> parameters;
    try {
      if (text.startsWith("event ")) {
        text = text.substring("event ".length()).strip();
      }
      int open = text.indexOf('(');
      if (open < 0 || !text.endsWith(")")) {
        throw new IllegalArgumentException("it is not name(parameters)");
      }
      name = text.substring(0, open).strip();
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("\"" + name + "\" is not a name");
      }
      parameters = parameters(text.substring(open + 1, text.length() - 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("event trigger " + index + ": signature \"" + params.path("signature")
          .asString("") + "\" does not parse: " + e.getMessage(), e);
    }
    String canonical = name + "(" + String.join(",", parameters.stream().map(Parameter::type).toList()) + ")";
    List<List<String>> topics = new ArrayList<>();
    topics.add(List.of(Hash.sha3String(canonical)));
    List<Parameter> indexed = parameters.stream().filter(Parameter::indexed).toList();
    if (indexed.size() > 3) {
      throw new IllegalArgumentException("event trigger " + index + ": an event has at most 3 indexed parameters");
    }
    JsonNode filter = params.path("filter");
    List<String> unknown = new ArrayList<>();
    if (filter.isObject()) {
      for (Map.Entry<String, JsonNode> entry : filter.properties()) {
        if (indexed.stream().noneMatch(p -> entry.getKey().equals(p.name()))) {
          unknown.add(entry.getKey());
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("event trigger " + index + ": the filter names " + unknown + ", which "
          + "are not indexed parameters of " + text + " (only indexed parameters, by name, can be filtered)");
    }
    for (Parameter parameter : indexed) {
      JsonNode wanted = filter.isObject() && parameter.name() != null ? filter.get(parameter.name()) : null;
      List<String> alternatives = new ArrayList<>();
      if (wanted != null && !wanted.isNull()) {
        for (JsonNode value : wanted.isArray() ? wanted.values() : List.of(wanted)) {
          try {
            alternatives.add(topic(parameter.type(), value));
          } catch (RuntimeException e) {
            throw new IllegalArgumentException("event trigger " + index + ": filter " + parameter.name() + " value "
                + value + " is not a " + parameter.type() + ": " + e.getMessage(), e);
          }
        }
      }
      topics.add(alternatives);
    }
    while (topics.size() > 1 && topics.get(topics.size() - 1).isEmpty()) {
      topics.remove(topics.size() - 1);
    }
    return new EventTrigger(index, chainId, new LogFilter(address, topics), canonical);
  }

  private static List<Parameter> parameters(String list) {
    List<Parameter> parameters = new ArrayList<>();
    if (list.isBlank()) {
      return parameters;
    }
    if (list.contains("(")) {
      throw new IllegalArgumentException("tuple parameters are not supported");
    }
    for (String part : list.split(",", -1)) {
      String[] words = part.strip().split("\\s+");
      if (words.length == 0 || words[0].isEmpty()) {
        throw new IllegalArgumentException("an empty parameter");
      }
      String type = canonicalType(words[0]);
      boolean indexed = false;
      String name = null;
      for (int i = 1; i < words.length; i++) {
        if (words[i].equals("indexed") && !indexed && name == null) {
          indexed = true;
        } else if (name == null && IDENTIFIER.matcher(words[i]).matches()) {
          name = words[i];
        } else {
          throw new IllegalArgumentException("\"" + part.strip() + "\" is not a parameter");
        }
      }
      parameters.add(new Parameter(type, indexed, name));
    }
    return parameters;
  }

  private static String canonicalType(String type) {
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("\"" + type + "\" is not a type");
    }
    return type.replaceAll("^(u?int)(?=$|\\[)", "$1256");
  }

  /** The topic an indexed value of {@code type} has: the value's word, or the hash of dynamic values. */
  static String topic(String type, JsonNode value) {
    String text = value.isString() ? value.stringValue() : value.toString();
    if (type.equals("string")) {
      return Hash.sha3String(text);
    }
    if (type.equals("bytes") || type.contains("[")) {
      if (type.contains("[")) {
        throw new IllegalArgumentException("array parameters cannot be filtered");
      }
      return Hash.sha3(Numeric.prependHexPrefix(text.toLowerCase(Locale.ROOT)));
    }
    if (type.equals("address")) {
      if (!ADDRESS.matcher(text).matches()) {
        throw new IllegalArgumentException("not 0x and 40 hex digits");
      }
      return word(new BigInteger(text.substring(2), 16));
    }
    if (type.equals("bool")) {
      if (!text.equals("true") && !text.equals("false")) {
        throw new IllegalArgumentException("not true or false");
      }
      return word(text.equals("true") ? BigInteger.ONE : BigInteger.ZERO);
    }
    if (type.startsWith("bytes")) {
      byte[] bytes = Numeric.hexStringToByteArray(text);
      int size = Integer.parseInt(type.substring(5));
      if (bytes.length != size) {
        throw new IllegalArgumentException("not " + size + " bytes");
      }
      byte[] padded = new byte[32];
      System.arraycopy(bytes, 0, padded, 0, size);
      return Numeric.toHexString(padded);
    }
    BigInteger number = text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
    if (number.signum() < 0) {
      if (type.startsWith("u")) {
        throw new IllegalArgumentException("negative");
      }
      number = number.add(BigInteger.ONE.shiftLeft(256));
    }
    return word(number);
  }

  private static String word(BigInteger value) {
    return Numeric.toHexStringWithPrefixZeroPadded(value, 64);
  }

  /** The id of this trigger's cursor and the prefix of its firings: {@code <workflowId>:<index>}. */
  String key(String workflowId) {
    return workflowId + ":" + index;
  }
}
