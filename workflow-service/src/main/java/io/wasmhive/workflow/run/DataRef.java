package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The SDK's {@code DataRef}: a contract read named in a step argument as {@code "$ref:" + JSON}, written back as the
 * SDK's {@code parseDataRef} gives it: {@code {target, abi, args, chainId, resultIndex?}} ({@code args} defaults to
 * {@code []}, {@code resultIndex} omitted when absent).
 *
 * @param target the contract read
 * @param abi its function signature; without {@code returns} it returns one {@code uint256}
 * @param args the call's arguments as written in the reference
 * @param chainId the chain read
 * @param resultIndex which element of an array result to take, or {@code null}
 */
@JsonPropertyOrder({"target", "abi", "args", "chainId", "resultIndex"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataRef(String target, String abi, ArrayNode args, long chainId, Integer resultIndex) {

  /** The reference prefix. */
  public static final String PREFIX = "$ref:";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public DataRef {
    args = args == null ? JsonNodeFactory.instance.arrayNode() : args.deepCopy();
  }

  /** Whether {@code text} is a {@code $ref:} reference. */
  public static boolean isReference(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /**
   * Parses a reference, with the SDK's messages: {@code Failed to parse DataRef: DataRef must have target, abi, and
   * chainId} (a missing or falsy member) or {@code Failed to parse DataRef: {parser message}}. Stricter than the
   * SDK where its reader would fail later anyway: {@code target} and {@code abi} must be strings, {@code chainId} a
   * positive integer, {@code args} an array and {@code resultIndex} a non-negative integer.
   */
  public static DataRef parse(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text.substring(PREFIX.length()));
    } catch (JacksonException e) {
      throw failed(e.getOriginalMessage());
    }
    return of(node, "Failed to parse DataRef: ");
  }

  /** A reference from its JSON object; {@code prefix} starts every message. */
  static DataRef of(JsonNode node, String prefix) {
    if (node == null || !node.isObject() || falsy(node.get("target")) || falsy(node.get("abi"))
        || falsy(node.get("chainId"))) {
      throw new DataRefException(prefix + "DataRef must have target, abi, and chainId");
    }
    JsonNode target = node.get("target");
    JsonNode abi = node.get("abi");
    JsonNode chainId = node.get("chainId");
    JsonNode args = node.get("args");
    JsonNode index = node.get("resultIndex");
    if (!target.isString() || !abi.isString()) {
      throw new DataRefException(prefix + "target and abi must be strings");
    }
    if (!chainId.isIntegralNumber() || !chainId.canConvertToLong() || chainId.longValue() <= 0) {
      throw new DataRefException(prefix + "chainId must be a positive integer");
    }
    if (args != null && !args.isNull() && !args.isArray()) {
      throw new DataRefException(prefix + "args must be an array");
    }
    if (index != null && !index.isNull() && (!index.isIntegralNumber() || !index.canConvertToInt()
        || index.intValue() < 0)) {
      throw new DataRefException(prefix + "resultIndex must be a non-negative integer");
    }
    return new DataRef(target.stringValue(), abi.stringValue(), args == null || args.isNull() ? null
        : (ArrayNode) args, chainId.longValue(), index == null || index.isNull() ? null : index.intValue());
  }

  /** {@code target.abi}, as the SDK's messages name a reference. */
  String name() {
    return target + "." + abi;
  }

  private static boolean falsy(JsonNode node) {
    return node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())
        || (node.isNumber() && node.asDouble() == 0) || (node.isBoolean() && !node.booleanValue());
  }

  private static DataRefException failed(String message) {
    return new DataRefException("Failed to parse DataRef: " + message);
  }
}
