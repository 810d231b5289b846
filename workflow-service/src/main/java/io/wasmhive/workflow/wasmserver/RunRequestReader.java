package io.wasmhive.workflow.wasmserver;

import io.wasmhive.workflow.wasm.StepLimits;
import io.wasmhive.workflow.wasm.WasmStepProperties;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a {@code /wasm/run} body in the simulator's order (its {@code wasmRunHandler}): job id, types, module bytes,
 * size, hash format, hash match. The first failure is thrown as a {@link WasmServerException}. Thread-safe.
 */
final class RunRequestReader {

  static final String BAD_REQUEST = "bad request";
  static final String EMPTY_WASM = "empty wasm bytes";
  static final String BAD_HASH = "wasmHash must be 64 hex chars (sha256)";

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final JsonNode UNKNOWN = JsonNodeFactory.instance.stringNode("unknown");

  private final JsonMapper mapper;
  private final WasmStepProperties properties;

  RunRequestReader(JsonMapper mapper, WasmStepProperties properties) {
    this.mapper = mapper;
    this.properties = properties;
  }

  RunRequest read(byte[] bodyBytes, long started) {
    JsonNode body = parse(bodyBytes, started);
    JsonNode jobId = body.get("jobId") == null || body.get("jobId").isNull() ? UNKNOWN : body.get("jobId");
    JsonNode wasmB64 = body.get("wasmB64");
    JsonNode timeoutMs = body.get("timeoutMs");
    if (!truthy(body.get("jobId")) || wasmB64 == null || !wasmB64.isString() || timeoutMs == null
        || !timeoutMs.isNumber()) {
      throw new WasmServerException(400, jobId, BAD_REQUEST, started);
    }
    StepLimits limits = new StepLimits(wholeMs(timeoutMs), optionalCount(body, "maxStdoutBytes", jobId, started),
        optionalCount(body, "maxStderrBytes", jobId, started));
    byte[] wasm = LenientBase64.decode(wasmB64.asString());
    if (wasm.length == 0) {
      throw new WasmServerException(400, jobId, EMPTY_WASM, started);
    }
    if (wasm.length > properties.maxModuleBytes()) {
      throw new WasmServerException(413, jobId, "wasm too large (> " + properties.maxModuleBytes() + " bytes)", started);
    }
    String sha256 = sha256(wasm);
    checkHash(body.get("wasmHash"), sha256, jobId, started);
    return new RunRequest(jobId, wasm, sha256, body.get("input"), limits);
  }

  private JsonNode parse(byte[] bodyBytes, long started) {
    try {
      JsonNode body = mapper.readTree(bodyBytes);
      return body != null && body.isObject() ? body : JsonNodeFactory.instance.objectNode();
    } catch (JacksonException e) {
      throw new WasmServerException(400, UNKNOWN, BAD_REQUEST, started);
    }
  }

  /** The hash is optional; when given (truthy) it must be 64 hex digits naming these bytes. */
  private static void checkHash(JsonNode wasmHash, String actual, JsonNode jobId, long started) {
    if (!truthy(wasmHash)) {
      return;
    }
    if (!wasmHash.isString() || !SHA256_HEX.matcher(wasmHash.asString()).matches()) {
      throw new WasmServerException(400, jobId, BAD_HASH, started);
    }
    String expected = wasmHash.asString();
    if (!expected.toLowerCase(Locale.ROOT).equals(actual)) {
      throw new WasmServerException(400, jobId, "wasmHash mismatch (expected " + expected + ", got " + actual + ")",
          started);
    }
  }

  /** {@code maxStdoutBytes} / {@code maxStderrBytes}: absent or null for the ceiling, else a number. */
  private static Long optionalCount(JsonNode body, String name, JsonNode jobId, long started) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new WasmServerException(400, jobId, BAD_REQUEST, started);
    }
    return (long) Math.floor(value.asDouble());
  }

  /** A fractional timeout is rounded up to whole milliseconds (the executor counts in milliseconds). */
  private static long wholeMs(JsonNode timeoutMs) {
    return (long) Math.ceil(timeoutMs.asDouble());
  }

  /** JavaScript truthiness of a member: absent, null, false, 0 and "" are false. */
  private static boolean truthy(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.asDouble() != 0;
    }
    return !value.isString() || !value.asString().isEmpty();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
