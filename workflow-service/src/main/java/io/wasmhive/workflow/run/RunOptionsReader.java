package io.wasmhive.workflow.run;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a run request, strictly: empty (a leader run) or a JSON object with {@code mode}
 * ({@code leader}, {@code operator} or {@code verify}), {@code execute} (a boolean, any mode: send the contract
 * steps as transactions) and, for an operator or a verifier, {@code wasmRefContext} and
 * {@code dataRefContext}, each a JSON object or a JSON string holding one (the simulator sends the serialized text),
 * and for a verifier the leader's {@code rpcRecording} (read by {@link RecordingReader}). Unknown members,
 * wrong types and malformed contexts are {@code INVALID_RUN_REQUEST}; the body and the contexts are bounded (see the
 * constants). Thread-safe.
 */
final class RunOptionsReader {

  /** The largest body read. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  /** How deep JSON may nest, in the body and in a context held as a string. */
  static final int MAX_DEPTH = 64;
  /** The most resolved references a context may list. */
  static final int MAX_REFS = 1024;
  /** The most chains a DataRefContext may pin. */
  static final int MAX_CHAINS = 64;

  private static final Set<String> MODES = Set.of("leader", JobRunner.OPERATOR, JobRunner.VERIFY);
  private static final String DECIMAL = "0|[1-9][0-9]{0,17}";

  private final JsonMapper mapper;

  RunOptionsReader() {
    StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
        .maxDocumentLength(MAX_BODY_BYTES).maxNameLength(1024).maxNumberLength(100).build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /** The run's options from its body (at most {@link #MAX_BODY_BYTES} bytes). */
  RunOptions read(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw invalid("the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return RunOptions.LEADER;
    }
    JsonNode root = parse(body, "the body");
    if (!root.isObject()) {
      throw invalid("the body must be a JSON object");
    }
    only(root, "the body", "mode", "wasmRefContext", "dataRefContext", "rpcRecording", "execute");
    boolean execute = execute(root.get("execute"));
    JsonNode mode = root.get("mode");
    String name = mode == null || mode.isNull() ? "leader" : mode.isString() ? mode.stringValue() : null;
    if (name == null || !MODES.contains(name)) {
      throw invalid("mode must be \"leader\", \"operator\" or \"verify\", got " + mode);
    }
    if ("leader".equals(name)) {
      if (root.has("wasmRefContext") || root.has("dataRefContext") || root.has("rpcRecording")) {
        throw invalid("wasmRefContext, dataRefContext and rpcRecording are for operator and verify runs only");
      }
      return RunOptions.LEADER.executing(execute);
    }
    if (JobRunner.OPERATOR.equals(name) && root.has("rpcRecording")) {
      throw invalid("rpcRecording is for verify runs only");
    }
    JsonNode recording = context(root.get("rpcRecording"), "rpcRecording");
    if (JobRunner.VERIFY.equals(name) && recording == null) {
      throw invalid("a verify run needs the leader's rpcRecording");
    }
    return new RunOptions(name, wasmContext(context(root.get("wasmRefContext"), "wasmRefContext")),
        dataContext(context(root.get("dataRefContext"), "dataRefContext")),
        recording == null ? null : RecordingReader.read(recording), execute);
  }

  /** {@code execute}: absent, null or a boolean. */
  private static boolean execute(JsonNode member) {
    if (member == null || member.isNull()) {
      return false;
    }
    if (!member.isBoolean()) {
      throw invalid("execute must be a boolean, got " + member);
    }
    return member.booleanValue();
  }

  /** A context member: absent (empty), an object, or a string holding an object. */
  private JsonNode context(JsonNode member, String name) {
    if (member == null || member.isNull()) {
      return null;
    }
    JsonNode node = member.isString()
        ? parse(member.stringValue().getBytes(java.nio.charset.StandardCharsets.UTF_8), name) : member;
    if (!node.isObject()) {
      throw invalid(name + " must be a JSON object or a string holding one");
    }
    return node;
  }

  private WasmRefContext wasmContext(JsonNode node) {
    if (node == null) {
      return new WasmRefContext(List.of(), null);
    }
    only(node, "wasmRefContext", "resolvedRefs", "skipRemainingSteps");
    JsonNode skip = node.get("skipRemainingSteps");
    if (skip != null && !skip.isBoolean()) {
      throw invalid("wasmRefContext.skipRemainingSteps must be a boolean");
    }
    List<ResolvedWasmRef> refs = new ArrayList<>();
    JsonNode list = refs(node, "wasmRefContext");
    for (int i = 0; i < list.size(); i++) {
      String at = "wasmRefContext.resolvedRefs[" + i + "]";
      JsonNode entry = object(list.get(i), at);
      only(entry, at, "ref", "result", "durationMs");
      JsonNode ref = object(entry.get("ref"), at + ".ref");
      only(ref, at + ".ref", "wasmHash", "input", "id", "timeoutMs", "contentHash");
      String id = string(ref.get("id"), at + ".ref.id", true);
      String hash = string(ref.get("wasmHash"), at + ".ref.wasmHash", false);
      string(ref.get("contentHash"), at + ".ref.contentHash", false);
      Long timeout = integer(ref.get("timeoutMs"), at + ".ref.timeoutMs");
      if (!entry.has("result")) {
        throw invalid(at + ".result is required");
      }
      Long duration = integer(entry.get("durationMs"), at + ".durationMs");
      refs.add(new ResolvedWasmRef(new WasmRef(hash, ref.get("input"), id, timeout), entry.get("result"),
          duration == null ? 0 : duration));
    }
    return new WasmRefContext(refs, skip != null && skip.booleanValue());
  }

  private DataRefContext dataContext(JsonNode node) {
    if (node == null) {
      return new DataRefContext(Map.of(), List.of());
    }
    only(node, "dataRefContext", "chainBlocks", "resolvedRefs");
    JsonNode blocks = object(node.get("chainBlocks"), "dataRefContext.chainBlocks");
    if (blocks.size() > MAX_CHAINS) {
      throw invalid("dataRefContext.chainBlocks has more than " + MAX_CHAINS + " chains");
    }
    Map<String, String> chainBlocks = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> block : blocks.properties()) {
      if (!block.getKey().matches("[1-9][0-9]{0,17}")) {
        throw invalid("dataRefContext.chainBlocks: \"" + block.getKey() + "\" is not a chain id");
      }
      chainBlocks.put(block.getKey(), decimal(block.getValue(), "dataRefContext.chainBlocks." + block.getKey()));
    }
    List<ResolvedDataRef> refs = new ArrayList<>();
    JsonNode list = refs(node, "dataRefContext");
    for (int i = 0; i < list.size(); i++) {
      String at = "dataRefContext.resolvedRefs[" + i + "]";
      JsonNode entry = object(list.get(i), at);
      only(entry, at, "ref", "value", "blockNumber");
      JsonNode ref = object(entry.get("ref"), at + ".ref");
      only(ref, at + ".ref", "target", "abi", "args", "chainId", "resultIndex");
      DataRef parsed;
      try {
        parsed = DataRef.of(ref, at + ".ref: ");
      } catch (DataRefException e) {
        throw invalid(e.getMessage());
      }
      if (!entry.has("value")) {
        throw invalid(at + ".value is required");
      }
      refs.add(new ResolvedDataRef(parsed, entry.get("value"), decimal(entry.get("blockNumber"),
          at + ".blockNumber")));
    }
    return new DataRefContext(chainBlocks, refs);
  }

  private JsonNode parse(byte[] text, String what) {
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw invalid(what + " is empty");
      }
      return node;
    } catch (JacksonException e) {
      throw invalid(what + " is not valid JSON: " + ClientMessages.parserMessage(e));
    }
  }

  private static JsonNode refs(JsonNode context, String name) {
    JsonNode list = context.get("resolvedRefs");
    if (list == null || !list.isArray()) {
      throw invalid(name + ".resolvedRefs must be an array");
    }
    if (list.size() > MAX_REFS) {
      throw invalid(name + ".resolvedRefs lists more than " + MAX_REFS + " references");
    }
    return list;
  }

  static void only(JsonNode object, String at, String... names) {
    Set<String> allowed = Set.of(names);
    for (String name : object.propertyNames()) {
      if (!allowed.contains(name)) {
        throw invalid(at + ": unknown member \"" + name + "\"");
      }
    }
  }

  static JsonNode object(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw invalid(at + " must be an object");
    }
    return node;
  }

  static String string(JsonNode node, String at, boolean required) {
    if (node == null && !required) {
      return null;
    }
    if (node == null || !node.isString() || (required && node.stringValue().isEmpty())) {
      throw invalid(at + " must be a " + (required ? "non-empty " : "") + "string");
    }
    return node.stringValue();
  }

  static Long integer(JsonNode node, String at) {
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
      throw invalid(at + " must be a non-negative integer");
    }
    return node.longValue();
  }

  static String decimal(JsonNode node, String at) {
    if (node == null || !node.isString() || !node.stringValue().matches(DECIMAL)) {
      throw invalid(at + " must be a block number as a decimal string");
    }
    return node.stringValue();
  }

  static WorkflowException invalid(String message) {
    return new WorkflowException(WorkflowError.INVALID_RUN_REQUEST, message);
  }
}
