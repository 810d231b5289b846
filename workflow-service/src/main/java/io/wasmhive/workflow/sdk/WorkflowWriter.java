package io.wasmhive.workflow.sdk;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a workflow in the SDK's serialized form, byte for byte as its {@code serialize} and {@code JSON.stringify}
 * do: compact, members in the SDK's order, absent members omitted (never {@code null}), {@code "wasmInput":null}
 * kept when it was given. Stateless and thread-safe.
 */
public final class WorkflowWriter {

  /** The document as UTF-8 bytes. */
  public byte[] writeBytes(SerializedWorkflow document) {
    return write(document).getBytes(StandardCharsets.UTF_8);
  }

  /** The document: {@code {"workflow":…,"metadata":…}}, or the workflow object alone when it has no metadata. */
  public String write(SerializedWorkflow document) {
    JsJson json = new JsJson(16 * 1024);
    if (document.metadata() == null) {
      workflow(json, document.workflow());
    } else {
      json.raw("{").name("workflow", true);
      workflow(json, document.workflow());
      json.name("metadata", false);
      metadata(json, document.metadata());
      json.raw("}");
    }
    return json.toString();
  }

  private static void workflow(JsJson json, Workflow workflow) {
    json.raw("{").name("owner", true).string(workflow.owner()).name("triggers", false).raw("[");
    for (int i = 0; i < workflow.triggers().size(); i++) {
      Trigger trigger = workflow.triggers().get(i);
      json.raw(i == 0 ? "{" : ",{").name("type", true).string(trigger.type()).name("params", false)
          .node(trigger.params()).raw("}");
    }
    json.raw("]").name("jobs", false).raw("[");
    for (int i = 0; i < workflow.jobs().size(); i++) {
      json.raw(i == 0 ? "" : ",");
      job(json, workflow.jobs().get(i));
    }
    json.raw("]");
    optional(json, "count", workflow.count());
    optional(json, "validAfter", workflow.validAfter());
    optional(json, "validUntil", workflow.validUntil());
    optional(json, "interval", workflow.interval());
    json.raw("}");
  }

  private static void job(JsJson json, Job job) {
    json.raw("{").name("id", true).string(job.id()).name("chainId", false).number(job.chainId())
        .name("steps", false).raw("[");
    for (int i = 0; i < job.steps().size(); i++) {
      json.raw(i == 0 ? "" : ",");
      step(json, job.steps().get(i));
    }
    json.raw("]").name("session", false).string(job.session()).raw("}");
  }

  private static void step(JsJson json, Step step) {
    json.raw("{").name("target", true).string(step.target()).name("abi", false).string(step.abi())
        .name("args", false);
    strings(json, step.args());
    json.name("value", false).string(step.value()).name("type", false).string(step.type().wire());
    if (step.wasmHash() != null) {
      json.name("wasmHash", false).string(step.wasmHash());
    }
    if (step.hasWasmInput()) {
      json.name("wasmInput", false).node(step.wasmInput());
    }
    if (step.wasmId() != null) {
      json.name("wasmId", false).string(step.wasmId());
    }
    optional(json, "wasmTimeoutMs", step.wasmTimeoutMs());
    json.raw("}");
  }

  private static void metadata(JsJson json, Metadata metadata) {
    json.raw("{");
    boolean first = true;
    if (metadata.createdAt() != null) {
      json.name("createdAt", true).number(metadata.createdAt());
      first = false;
    }
    if (metadata.version() != null) {
      json.name("version", first).string(metadata.version());
    }
    json.raw("}");
  }

  private static void strings(JsJson json, List<String> values) {
    json.raw("[");
    for (int i = 0; i < values.size(); i++) {
      json.raw(i == 0 ? "" : ",").string(values.get(i));
    }
    json.raw("]");
  }

  private static void optional(JsJson json, String name, Long value) {
    if (value != null) {
      json.name(name, false).number(value);
    }
  }
}
