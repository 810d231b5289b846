package io.wasmhive.workflow.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $wasm:} references resolved exactly as the SDK's {@code WasmRefResolver} does: a reference is a whole
 * argument ({@code "$wasm:w1"}; {@code "$wasm:w1.value"} names the id {@code w1.value}); arrays and objects are
 * walked; a result that is an object with {@code ok: false} is {@code WASM execution error for {id}: …}; otherwise
 * the value is {@code result.result.value} when {@code result.result} is an object holding {@code value}, else
 * {@code result.value} when present (even {@code null}), else the whole result. The first result of an id wins.
 * Not thread-safe; one per run.
 */
public final class WasmRefResolver {

  /** The reference prefix. */
  public static final String PREFIX = "$wasm:";

  /** Nesting beyond this is refused: the walk is bounded by policy, never by the shape a client sends. */
  static final int MAX_DEPTH = 32;

  /** The SDK executor's message for a {@code $wasm:} reference when the owner's WebAssembly steps were skipped. */
  public static final String NOT_WHITELISTED = "Contract step references WASM result but owner is not whitelisted "
      + "for WASM execution. WASM steps were skipped. Please whitelist the workflow owner or remove WASM references "
      + "from contract steps.";

  private final Map<String, JsonNode> results = new LinkedHashMap<>();
  private boolean notWhitelisted;

  /** The owner's WebAssembly steps were skipped: every reference fails with {@link #NOT_WHITELISTED}. */
  public void ownerNotWhitelisted() {
    notWhitelisted = true;
  }

  /** Records a WebAssembly step's result under its id; a second result for the same id is ignored. */
  public void put(String id, JsonNode result) {
    results.putIfAbsent(id, result);
  }

  /** The ids with a result, in the order they were recorded. */
  public List<String> ids() {
    return new ArrayList<>(results.keySet());
  }

  /** Whether {@code text} is a {@code $wasm:} reference. */
  public static boolean isReference(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /** {@code node} with every {@code $wasm:} string replaced by its value. */
  public JsonNode resolve(JsonNode node) {
    return resolve(node, 0);
  }

  private JsonNode resolve(JsonNode node, int depth) {
    if (depth > MAX_DEPTH) {
      throw new WasmRefException("argument nested deeper than " + MAX_DEPTH + " levels");
    }
    if (node == null) {
      return null;
    }
    if (node.isString() && isReference(node.stringValue())) {
      return value(node.stringValue().substring(PREFIX.length()));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : node) {
        out.add(resolve(element, depth + 1));
      }
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.set(field.getKey(), resolve(field.getValue(), depth + 1));
      }
      return out;
    }
    return node;
  }

  /** The value of the reference {@code id}, extracted from its result. */
  public JsonNode value(String id) {
    if (notWhitelisted) {
      throw new WasmRefException(NOT_WHITELISTED);
    }
    JsonNode result = results.get(id);
    if (result == null) {
      String available = results.isEmpty() ? "none" : String.join(", ", results.keySet());
      throw new WasmRefException("WASM reference not found: " + id + ". Available WASM step IDs: [" + available + "]");
    }
    if (!result.isObject()) {
      return result;
    }
    JsonNode ok = result.get("ok");
    if (ok != null && ok.isBoolean() && !ok.booleanValue()) {
      throw new WasmRefException("WASM execution error for " + id + ": " + errorOf(result));
    }
    JsonNode inner = result.get("result");
    if (inner != null && inner.isObject() && inner.has("value")) {
      return inner.get("value");
    }
    if (result.has("value")) {
      return result.get("value");
    }
    return result;
  }

  /** {@code result.result?.error || result.error || 'Unknown WASM error'}, with JavaScript's truthiness. */
  private static String errorOf(JsonNode result) {
    JsonNode inner = result.get("result");
    String nested = inner != null && inner.isObject() ? truthyText(inner.get("error")) : null;
    if (nested != null) {
      return nested;
    }
    String outer = truthyText(result.get("error"));
    return outer != null ? outer : "Unknown WASM error";
  }

  private static String truthyText(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue().isEmpty() ? null : node.stringValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "true" : null;
    }
    if (node.isNumber()) {
      return node.asDouble() == 0 ? null : node.asString();
    }
    return node.isObject() ? "[object Object]" : node.toString();
  }
}
