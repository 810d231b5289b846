package io.wasmhive.workflow.run;

import static io.wasmhive.workflow.run.RunOptionsReader.decimal;
import static io.wasmhive.workflow.run.RunOptionsReader.integer;
import static io.wasmhive.workflow.run.RunOptionsReader.invalid;
import static io.wasmhive.workflow.run.RunOptionsReader.object;
import static io.wasmhive.workflow.run.RunOptionsReader.only;
import static io.wasmhive.workflow.run.RunOptionsReader.string;

import io.wasmhive.workflow.verify.RecordedExchange;
import io.wasmhive.workflow.verify.RecordedStep;
import io.wasmhive.workflow.verify.RpcRecording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a leader's {@code rpcRecording} strictly: every member of {@link RpcRecording} present with its type, no
 * others, at most {@value #MAX_STEPS} steps of at most {@value #MAX_EXCHANGES} exchanges each (the leader records no
 * more); the body's bound ({@link RunOptionsReader#MAX_BODY_BYTES}) bounds the texts. Anything else is
 * {@code INVALID_RUN_REQUEST}. Whether the hash matches is the verification's to say, not the reader's.
 */
final class RecordingReader {

  /** The most steps a recording may list: the most steps a job may have. */
  static final int MAX_STEPS = 1024;
  /** The most exchanges one recorded step may list: what one session records at most. */
  static final int MAX_EXCHANGES = 10_000;

  private static final String HEX64 = "[0-9a-f]{64}";

  private RecordingReader() {
  }

  static RpcRecording read(JsonNode node) {
    only(node, "rpcRecording", "version", "runId", "workflowId", "jobId", "chainBlocks", "steps", "hash");
    Long version = integer(node.get("version"), "rpcRecording.version");
    if (version == null || version != RpcRecording.VERSION) {
      throw invalid("rpcRecording.version must be " + RpcRecording.VERSION);
    }
    String hash = string(node.get("hash"), "rpcRecording.hash", true);
    if (!hash.matches(HEX64)) {
      throw invalid("rpcRecording.hash must be 64 lower-case hex digits");
    }
    JsonNode steps = node.get("steps");
    if (steps == null || !steps.isArray() || steps.size() > MAX_STEPS) {
      throw invalid("rpcRecording.steps must be an array of at most " + MAX_STEPS + " steps");
    }
    List<RecordedStep> read = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      read.add(step(object(steps.get(i), "rpcRecording.steps[" + i + "]"), "rpcRecording.steps[" + i + "]"));
    }
    return new RpcRecording(RpcRecording.VERSION, string(node.get("runId"), "rpcRecording.runId", true),
        string(node.get("workflowId"), "rpcRecording.workflowId", true),
        string(node.get("jobId"), "rpcRecording.jobId", true), blocks(node.get("chainBlocks")), read, hash);
  }

  private static Map<String, String> blocks(JsonNode node) {
    JsonNode blocks = object(node, "rpcRecording.chainBlocks");
    if (blocks.size() > RunOptionsReader.MAX_CHAINS) {
      throw invalid("rpcRecording.chainBlocks has more than " + RunOptionsReader.MAX_CHAINS + " chains");
    }
    Map<String, String> read = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> block : blocks.properties()) {
      if (!block.getKey().matches("[1-9][0-9]{0,17}")) {
        throw invalid("rpcRecording.chainBlocks: \"" + block.getKey() + "\" is not a chain id");
      }
      read.put(block.getKey(), decimal(block.getValue(), "rpcRecording.chainBlocks." + block.getKey()));
    }
    return read;
  }

  private static RecordedStep step(JsonNode node, String at) {
    only(node, at, "step", "wasmId", "module", "exchanges", "dropped");
    Long step = integer(node.get("step"), at + ".step");
    if (step == null || step >= MAX_STEPS) {
      throw invalid(at + ".step must be a step position below " + MAX_STEPS);
    }
    String module = string(node.get("module"), at + ".module", true);
    if (!module.matches(HEX64)) {
      throw invalid(at + ".module must be a SHA-256 in 64 lower-case hex digits");
    }
    Long dropped = integer(node.get("dropped"), at + ".dropped");
    JsonNode exchanges = node.get("exchanges");
    if (exchanges == null || !exchanges.isArray() || exchanges.size() > MAX_EXCHANGES) {
      throw invalid(at + ".exchanges must be an array of at most " + MAX_EXCHANGES + " exchanges");
    }
    List<RecordedExchange> read = new ArrayList<>();
    for (int i = 0; i < exchanges.size(); i++) {
      read.add(exchange(object(exchanges.get(i), at + ".exchanges[" + i + "]"), at + ".exchanges[" + i + "]"));
    }
    return new RecordedStep(step.intValue(), string(node.get("wasmId"), at + ".wasmId", true), module, read,
        dropped == null ? 0 : dropped);
  }

  private static RecordedExchange exchange(JsonNode node, String at) {
    only(node, at, "chainId", "request", "response", "truncated");
    Long chainId = integer(node.get("chainId"), at + ".chainId");
    if (chainId == null || chainId < 1) {
      throw invalid(at + ".chainId must be a positive integer");
    }
    JsonNode truncated = node.get("truncated");
    if (truncated != null && !truncated.isBoolean()) {
      throw invalid(at + ".truncated must be a boolean");
    }
    String request = string(node.get("request"), at + ".request", false);
    String response = string(node.get("response"), at + ".response", false);
    if (request == null || response == null) {
      throw invalid(at + ".request and .response must be strings");
    }
    return new RecordedExchange(chainId, request, response, truncated != null && truncated.booleanValue());
  }
}
