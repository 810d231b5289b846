package io.wasmhive.workflow.sdk;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Builds the model from a tree {@link SchemaCheck} found conforming: every member is present with its type, so
 * nothing here checks again. A step's type is the given one, else {@code wasm} when both {@code wasmHash} and
 * {@code wasmId} are non-empty, else {@code contract} (the SDK's {@code Step} constructor).
 */
final class ModelBuilder {

  private ModelBuilder() {
  }

  static SerializedWorkflow document(JsonNode root) {
    if (root.has("workflow")) {
      JsonNode metadata = root.get("metadata");
      return new SerializedWorkflow(workflow(root.get("workflow")),
          new Metadata(metadata.get("createdAt").longValue(), metadata.get("version").stringValue()));
    }
    return new SerializedWorkflow(workflow(root), null);
  }

  private static Workflow workflow(JsonNode node) {
    List<Trigger> triggers = new ArrayList<>();
    for (JsonNode trigger : node.get("triggers")) {
      triggers.add(new Trigger(trigger.get("type").stringValue(), trigger.get("params")));
    }
    List<Job> jobs = new ArrayList<>();
    for (JsonNode job : node.get("jobs")) {
      jobs.add(job(job));
    }
    return new Workflow(node.get("owner").stringValue(), triggers, jobs, optionalLong(node, "count"),
        optionalLong(node, "validAfter"), optionalLong(node, "validUntil"), optionalLong(node, "interval"));
  }

  private static Job job(JsonNode node) {
    List<Step> steps = new ArrayList<>();
    for (JsonNode step : node.get("steps")) {
      steps.add(step(step));
    }
    return new Job(node.get("id").stringValue(), node.get("chainId").longValue(), steps,
        node.get("session").stringValue());
  }

  private static Step step(JsonNode node) {
    List<String> args = new ArrayList<>();
    for (JsonNode arg : node.get("args")) {
      args.add(arg.stringValue());
    }
    String wasmHash = optionalString(node, "wasmHash");
    String wasmId = optionalString(node, "wasmId");
    String given = optionalString(node, "type");
    StepType type = given != null ? StepType.ofWire(given)
        : !isEmpty(wasmHash) && !isEmpty(wasmId) ? StepType.WASM : StepType.CONTRACT;
    return new Step(node.get("target").stringValue(), node.get("abi").stringValue(), args,
        node.get("value").stringValue(), type, wasmHash, node.get("wasmInput"), wasmId,
        optionalLong(node, "wasmTimeoutMs"));
  }

  static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static Long optionalLong(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null ? null : value.longValue();
  }

  private static String optionalString(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null ? null : value.stringValue();
  }
}
