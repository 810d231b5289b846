package io.wasmhive.workflow.wasmserver;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors of the {@code /wasm/*} endpoints in the simulator's shape {@code {"jobId","ok":false,"error","durationMs"}},
 * apart from the rest of the service's API (this advice applies to {@link WasmServerController} only).
 */
@RestControllerAdvice(assignableTypes = WasmServerController.class)
class WasmServerErrors {

  private static final JsonNode UNKNOWN = JsonNodeFactory.instance.stringNode("unknown");

  @ExceptionHandler(WasmServerException.class)
  ResponseEntity<ObjectNode> refused(WasmServerException e) {
    return answer(e.status(), e.jobId(), e.getMessage(), e.startedNanos());
  }

  /** Anything unexpected: the simulator's generic answer, without internals (the message names the kind only). */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ObjectNode> unexpected(Exception e) {
    return answer(500, UNKNOWN, "internal error: " + e.getClass().getSimpleName(), System.nanoTime());
  }

  static WasmServerException bodyTooLarge(long maxBodyBytes, long started) {
    return new WasmServerException(413, UNKNOWN, "body too large (>" + maxBodyBytes + " bytes)", started);
  }

  static long elapsedMs(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static ResponseEntity<ObjectNode> answer(int status, JsonNode jobId, String error, long started) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("jobId", jobId);
    body.put("ok", false);
    body.put("error", error);
    body.put("durationMs", elapsedMs(started));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
