package io.wasmhive.relay.intent;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.relay.IntentProperties;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.InvalidCidException;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.gateway.ExecutionPolicy;
import io.wasmhive.relay.names.GlyphName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Stage 2 of the pipeline: the strict schema of {@code POST /intent/execute-wasm}. Every problem is a
 * {@link RelayException} (400 {@code INVALID_REQUEST}) naming the field: unknown fields, wrong types, duplicate
 * keys, a CID that is neither CIDv0, CIDv1 nor {@code glyph://name@version}, policy values that are not positive
 * integers or exceed the server's maxima.
 */
public final class RequestValidator {

  private static final Set<String> FIELDS = Set.of("cid", "inputs", "policy", "idempotency_key", "mode");
  private static final Set<String> POLICY_FIELDS = Set.of("max_memory", "max_gas", "max_time");
  private static final int MAX_CID_LENGTH = 256;
  private static final int MAX_KEY_LENGTH = 256;

  private final JsonMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private final IntentProperties.Limits defaults;
  private final IntentProperties.Limits maxima;

  public RequestValidator(IntentProperties.Limits defaults, IntentProperties.Limits maxima) {
    this.defaults = defaults;
    this.maxima = maxima;
  }

  public ValidatedRequest validate(byte[] body) {
    if (body.length == 0) {
      throw RelayException.badRequest("$", "body is empty; send a JSON object");
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JacksonException e) {
      throw RelayException.badRequest("$", "body is not valid JSON: " + ClientMessages.parserMessage(e));
    }
    if (root == null || !root.isObject()) {
      throw RelayException.badRequest("$", "body must be a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!FIELDS.contains(name)) {
        throw RelayException.badRequest(name, "unknown field '" + name + "'; allowed: cid, inputs, policy,"
            + " idempotency_key, mode");
      }
    }
    String cid = cid(root.get("cid"));
    JsonNode inputs = root.get("inputs");
    if (inputs == null) {
      inputs = JsonNodeFactory.instance.arrayNode();
    } else if (!inputs.isArray() && !inputs.isObject()) {
      throw RelayException.badRequest("inputs", "'inputs' must be a JSON array or object");
    } else {
      requireFiniteNumbers(inputs);
    }
    ExecutionPolicy policy = policy(root.get("policy"));
    String key = idempotencyKey(root.get("idempotency_key"));
    boolean async = mode(root.get("mode"));
    return new ValidatedRequest(cid, inputs, policy, key, async);
  }

  private static String cid(JsonNode node) {
    if (node == null || node.isNull()) {
      throw RelayException.badRequest("cid", "'cid' is required");
    }
    if (!node.isString()) {
      throw RelayException.badRequest("cid", "'cid' must be a string");
    }
    String cid = node.asString();
    if (cid.isEmpty() || cid.length() > MAX_CID_LENGTH) {
      throw RelayException.badRequest("cid", "'cid' must have 1 to " + MAX_CID_LENGTH + " characters");
    }
    if (GlyphName.isGlyph(cid)) {
      try {
        GlyphName.parse(cid);
      } catch (IllegalArgumentException e) {
        throw RelayException.badRequest("cid", "'cid' is not a valid glyph name: " + e.getMessage());
      }
      return cid;
    }
    try {
      Cid.parse(cid);
    } catch (InvalidCidException e) {
      throw RelayException.badRequest("cid", "'cid' is neither a CIDv0, a CIDv1 nor glyph://name@version: "
          + e.getMessage());
    }
    return cid;
  }

  /**
   * Refuses a number too large for a 64-bit float anywhere in the inputs: Jackson reads {@code 1e400} as infinity,
   * which would reach the module as the string {@code "Infinity"} (found by RequestValidatorFuzzTest's round trip).
   * Iterative, so the walk costs the body's size and no stack.
   */
  private static void requireFiniteNumbers(JsonNode inputs) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(inputs);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isContainer()) {
        node.forEach(pending::push);
      } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
        throw RelayException.badRequest("inputs", "'inputs' holds a number beyond the range of a 64-bit float");
      }
    }
  }

  private ExecutionPolicy policy(JsonNode node) {
    if (node == null || node.isNull()) {
      return new ExecutionPolicy(defaults.maxMemory(), defaults.maxGas(), defaults.maxTime());
    }
    if (!node.isObject()) {
      throw RelayException.badRequest("policy", "'policy' must be a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!POLICY_FIELDS.contains(name)) {
        throw RelayException.badRequest("policy." + name, "unknown field 'policy." + name
            + "'; allowed: max_memory, max_gas, max_time");
      }
    }
    return new ExecutionPolicy(
        limit(node, "max_memory", defaults.maxMemory(), maxima.maxMemory()),
        limit(node, "max_gas", defaults.maxGas(), maxima.maxGas()),
        limit(node, "max_time", defaults.maxTime(), maxima.maxTime()));
  }

  private static long limit(JsonNode policy, String name, long fallback, long maximum) {
    JsonNode node = policy.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    String field = "policy." + name;
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw RelayException.badRequest(field, "'" + field + "' must be a positive integer");
    }
    long value = node.asLong();
    if (value < 1) {
      throw RelayException.badRequest(field, "'" + field + "' must be positive, was " + value);
    }
    if (value > maximum) {
      throw RelayException.badRequest(field, "'" + field + "' is " + value + ", above this server's maximum "
          + maximum);
    }
    return value;
  }

  private static String idempotencyKey(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw RelayException.badRequest("idempotency_key", "'idempotency_key' must be a string");
    }
    String key = node.asString();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw RelayException.badRequest("idempotency_key",
          "'idempotency_key' must have 1 to " + MAX_KEY_LENGTH + " characters");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw RelayException.badRequest("idempotency_key", "'idempotency_key' must be printable ASCII");
      }
    }
    return key;
  }

  private static boolean mode(JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (node.isString() && node.asString().equals("sync")) {
      return false;
    }
    if (node.isString() && node.asString().equals("async")) {
      return true;
    }
    throw RelayException.badRequest("mode", "'mode' must be \"sync\" or \"async\"");
  }
}
