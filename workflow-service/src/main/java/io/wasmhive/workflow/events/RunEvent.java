package io.wasmhive.workflow.events;

import io.wasmhive.platform.sse.SseEvent;
import java.util.List;

/**
 * One entry of {@code workflow_run_events}, decoded once and shared by every subscriber it goes to.
 *
 * @param id the stream entry id
 * @param type the payload's {@code type}
 * @param runId its run
 * @param workflowId its run's workflow
 * @param frame the SSE frame: {@code id:} and {@code data:} with the payload as published
 */
record RunEvent(String id, String type, String runId, String workflowId, byte[] frame) implements SseEvent {

  /** The route of a run's subscribers. */
  static String runRoute(String runId) {
    return "run:" + runId;
  }

  /** The route of a workflow's subscribers. */
  static String workflowRoute(String workflowId) {
    return "workflow:" + workflowId;
  }

  /** The subscribers of its run and of its workflow see it. */
  @Override
  public List<String> routes() {
    return List.of(runRoute(runId), workflowRoute(workflowId));
  }
}
