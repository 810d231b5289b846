package io.wasmhive.workflow.events;

import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.sse.SseDecoder;
import io.wasmhive.platform.sse.SseFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@code workflow_run_events} entries into {@link RunEvent}s: the payload is served as it was published
 * (compact JSON, fields this instance does not know included); an entry without a run and a workflow is skipped
 * (logged). Thread-safe.
 */
final class RunEventDecoder implements SseDecoder<RunEvent> {

  private static final Logger log = LoggerFactory.getLogger(RunEventDecoder.class);

  private final JsonMapper json;

  RunEventDecoder(JsonMapper json) {
    this.json = json;
  }

  @Override
  public RunEvent decode(StreamEvent entry) {
    if (entry.payload() == null) {
      log.warn("Skipping entry {} of {}: it has no payload field", entry.id(), Streams.WORKFLOW_RUN_EVENTS);
      return null;
    }
    try {
      JsonNode event = json.readTree(entry.payload());
      String runId = text(event.get("run_id"));
      String workflowId = text(event.get("workflow_id"));
      if (!event.isObject() || runId == null || workflowId == null) {
        log.warn("Skipping entry {} of {}: no run_id and workflow_id", entry.id(), Streams.WORKFLOW_RUN_EVENTS);
        return null;
      }
      return new RunEvent(entry.id(), text(event.get("type")), runId, workflowId,
          SseFrames.event(entry.id(), json.writeValueAsString(event)));
    } catch (JacksonException e) {
      log.warn("Skipping entry {} of {}: {}", entry.id(), Streams.WORKFLOW_RUN_EVENTS, e.getOriginalMessage());
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node == null || !node.isString() ? null : node.asString();
  }
}
