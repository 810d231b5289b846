package io.wasmhive.relay.intent;

import io.wasmhive.relay.gateway.ExecutionPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request ids: the SHA-256 (hex) of the canonical JSON of {@code {cid, inputs, policy, user}} — object keys
 * sorted, no white space, numbers in their shortest exact decimal form, the effective policy — so the same request
 * from the same user always has the same id, whatever the key order or spacing. With an explicit
 * {@code idempotency_key} the id is the SHA-256 of {@code {idempotency_key, user}} instead: one key, one execution
 * per user, whatever the body.
 */
public final class RequestIds {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private RequestIds() {
  }

  public static String of(ValidatedRequest request, String userId) {
    if (request.idempotencyKey() != null) {
      StringBuilder out = new StringBuilder(256);
      out.append("{\"idempotency_key\":");
      string(request.idempotencyKey(), out);
      out.append(",\"user\":");
      string(userId, out);
      out.append('}');
      return sha256(out.toString());
    }
    return content(request, userId);
  }

  /**
   * The SHA-256 of what the request asks for, {@code {cid, inputs, policy, user}} canonically, whatever its
   * {@code idempotency_key}: the id of a request without a key, and the fingerprint that tells a repeat of a keyed
   * request from another request reusing its key.
   */
  public static String content(ValidatedRequest request, String userId) {
    StringBuilder out = new StringBuilder(256);
    ExecutionPolicy policy = request.policy();
    out.append("{\"cid\":");
    string(request.cid(), out);
    out.append(",\"inputs\":");
    canonical(request.inputs(), out);
    out.append(",\"policy\":{\"max_gas\":").append(policy.maxGas())
        .append(",\"max_memory\":").append(policy.maxMemory())
        .append(",\"max_time\":").append(policy.maxTimeMs())
        .append("},\"user\":");
    string(userId, out);
    out.append('}');
    return sha256(out.toString());
  }

  /** Appends the canonical form of {@code node}. */
  static void canonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
      entries.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(entries.get(i).getKey(), out);
        out.append(':');
        canonical(entries.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        canonical(node.get(i), out);
      }
      out.append(']');
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.append(node.decimalValue().stripTrailingZeros().toPlainString());
    } else if (node.isString()) {
      string(node.asString(), out);
    } else {
      out.append(node.toString());
    }
  }

  private static void string(String value, StringBuilder out) {
    out.append(MAPPER.writeValueAsString(value));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
