package io.wasmhive.workflow.sdk;

import io.wasmhive.workflow.sdk.Issues.Path;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The SDK's schema ({@code WorkflowSchema.ts}, zod) applied to a parsed body, plus the step's WASM members and the
 * limits: every member's presence and JSON type, addresses of the owner and of triggers against the regex, numbers
 * that must be positive integers, trigger types. Optional members must be absent, never {@code null} (zod's
 * {@code .optional()}); {@code wasmInput} may be anything. Unknown members are ignored, as zod strips them. The
 * step rules ({@link StepRules}) come after. Not thread-safe (one per document).
 */
final class SchemaCheck {

  static final Pattern ADDRESS = Pattern.compile("^0x[a-fA-F0-9]{40}$");
  static final List<String> TRIGGER_TYPES = List.of("event", "cron", "time", "onchain");
  private static final List<String> STEP_TYPES = List.of("contract", "wasm");

  private final WorkflowLimits limits;
  private final Issues issues = new Issues();

  SchemaCheck(WorkflowLimits limits) {
    this.limits = limits;
  }

  /** Checks the document (wrapped or plain); the issues found, none when it conforms. */
  Issues check(JsonNode root) {
    if (!object(root, Path.ROOT)) {
      return issues;
    }
    if (root.has("workflow")) {
      JsonNode workflow = root.get("workflow");
      if (object(workflow, Path.ROOT.with("workflow"))) {
        workflow(workflow, Path.ROOT.with("workflow"));
      }
      metadata(root.get("metadata"), Path.ROOT.with("metadata"));
    } else {
      workflow(root, Path.ROOT);
    }
    return issues;
  }

  private void workflow(JsonNode workflow, Path path) {
    address(workflow.get("owner"), path.with("owner"), true);
    JsonNode triggers = workflow.get("triggers");
    if (array(triggers, path.with("triggers"), limits.maxTriggers())) {
      for (int i = 0; i < triggers.size(); i++) {
        trigger(triggers.get(i), path.with("triggers").with(i));
      }
    }
    JsonNode jobs = workflow.get("jobs");
    if (array(jobs, path.with("jobs"), limits.maxJobs())) {
      for (int i = 0; i < jobs.size(); i++) {
        job(jobs.get(i), path.with("jobs").with(i));
      }
    }
    for (String name : List.of("count", "validAfter", "validUntil", "interval")) {
      positiveInteger(workflow.get(name), path.with(name), false);
    }
  }

  private void metadata(JsonNode metadata, Path path) {
    if (object(metadata, path)) {
      positiveInteger(metadata.get("createdAt"), path.with("createdAt"), true);
      string(metadata.get("version"), path.with("version"), true);
    }
  }

  private void trigger(JsonNode trigger, Path path) {
    if (!object(trigger, path)) {
      return;
    }
    JsonNode type = trigger.get("type");
    if (type == null || !type.isString() || !TRIGGER_TYPES.contains(type.stringValue())) {
      issues.discriminator(path.with("type"), TRIGGER_TYPES);
      return;
    }
    JsonNode params = trigger.get("params");
    Path at = path.with("params");
    if (!object(params, at)) {
      return;
    }
    switch (type.stringValue()) {
      case "cron" -> string(params.get("schedule"), at.with("schedule"), true);
      case "time" -> positiveNumber(params.get("timestamp"), at.with("timestamp"));
      case "event" -> {
        string(params.get("signature"), at.with("signature"), true);
        address(params.get("contractAddress"), at.with("contractAddress"), true);
        positiveNumber(params.get("chainId"), at.with("chainId"));
        if (params.has("filter")) {
          object(params.get("filter"), at.with("filter"));
        }
      }
      default -> {
        address(params.get("target"), at.with("target"), true);
        string(params.get("abi"), at.with("abi"), true);
        array(params.get("args"), at.with("args"), limits.maxArgs());
        string(params.get("value"), at.with("value"), false);
        positiveNumber(params.get("chainId"), at.with("chainId"));
      }
    }
  }

  private void job(JsonNode job, Path path) {
    if (!object(job, path)) {
      return;
    }
    string(job.get("id"), path.with("id"), true);
    positiveInteger(job.get("chainId"), path.with("chainId"), true);
    JsonNode steps = job.get("steps");
    if (array(steps, path.with("steps"), limits.maxSteps())) {
      for (int i = 0; i < steps.size(); i++) {
        step(steps.get(i), path.with("steps").with(i));
      }
    }
    string(job.get("session"), path.with("session"), true);
  }

  private void step(JsonNode step, Path path) {
    if (!object(step, path)) {
      return;
    }
    string(step.get("target"), path.with("target"), true);
    string(step.get("abi"), path.with("abi"), true);
    JsonNode args = step.get("args");
    if (array(args, path.with("args"), limits.maxArgs())) {
      for (int i = 0; i < args.size(); i++) {
        string(args.get(i), path.with("args").with(i), true);
      }
    }
    string(step.get("value"), path.with("value"), true);
    JsonNode type = step.get("type");
    if (string(type, path.with("type"), false) && !STEP_TYPES.contains(type.stringValue())) {
      issues.enumValue(path.with("type"), STEP_TYPES, type.stringValue());
    }
    string(step.get("wasmHash"), path.with("wasmHash"), false);
    string(step.get("wasmId"), path.with("wasmId"), false);
    positiveInteger(step.get("wasmTimeoutMs"), path.with("wasmTimeoutMs"), false);
  }

  private boolean object(JsonNode node, Path path) {
    return expect(node, path, "object", true, node != null && node.isObject());
  }

  private boolean array(JsonNode node, Path path, int maxSize) {
    if (!expect(node, path, "array", true, node != null && node.isArray())) {
      return false;
    }
    if (node.size() > maxSize) {
      issues.tooBig(path, maxSize, "array", "Array must contain at most " + maxSize + " element(s)");
      return false;
    }
    return true;
  }

  /** Whether the node is a string (reported unless it is absent and optional). */
  private boolean string(JsonNode node, Path path, boolean required) {
    return expect(node, path, "string", required, node != null && node.isString());
  }

  private void address(JsonNode node, Path path, boolean required) {
    if (string(node, path, required) && !ADDRESS.matcher(node.stringValue()).matches()) {
      issues.regex(path);
    }
  }

  private void positiveNumber(JsonNode node, Path path) {
    if (expect(node, path, "number", true, node != null && node.isNumber()) && node.decimalValue().signum() <= 0) {
      issues.notPositive(path);
    }
  }

  /** A positive integer that fits 64 bits (zod accepts any number; the SDK only ever writes integers here). */
  private void positiveInteger(JsonNode node, Path path, boolean required) {
    if (!expect(node, path, "number", required, node != null && node.isNumber())) {
      return;
    }
    if (!node.isIntegralNumber()) {
      issues.wrongType(path, "integer", "float");
    } else if (node.bigIntegerValue().signum() <= 0) {
      issues.notPositive(path);
    } else if (!node.canConvertToLong()) {
      issues.tooBig(path, Long.MAX_VALUE, "number", "Number must be less than or equal to " + Long.MAX_VALUE);
    }
  }

  /** Reports a missing required member or one of the wrong type; whether the node is present and {@code ok}. */
  private boolean expect(JsonNode node, Path path, String expected, boolean required, boolean ok) {
    if (node == null) {
      if (required) {
        issues.missing(path, expected);
      }
      return false;
    }
    if (!ok) {
      issues.wrongType(path, expected, received(node));
    }
    return ok;
  }

  static String received(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "null";
    };
  }
}
