package io.wasmhive.workflow.wasmserver;

import io.wasmhive.platform.errors.FrameworkErrors;
import io.wasmhive.platform.errors.InternalErrors;
import java.util.LinkedHashMap;
import java.util.Map;
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
public class WasmServerErrors {

  /** The paths this API serves, as a prefix. */
  public static final String PATH_PREFIX = "/wasm/";

  private static final JsonNode UNKNOWN = JsonNodeFactory.instance.stringNode("unknown");

  @ExceptionHandler(WasmServerException.class)
  ResponseEntity<ObjectNode> refused(WasmServerException e) {
    return answer(e.status(), e.jobId(), e.getMessage(), e.startedNanos());
  }

  /**
   * Anything else: the framework's refusals of the client's request with their status, everything unexpected as
   * the simulator's generic 500 whose message is only a reference to the log.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ObjectNode> unexpected(Exception e) {
    int status = FrameworkErrors.clientStatus(e);
    if (status > 0) {
      return answer(status, UNKNOWN, FrameworkErrors.clientMessage(e), System.nanoTime());
    }
    return answer(500, UNKNOWN, InternalErrors.logged("Unexpected failure of the WASM server API", e),
        System.nanoTime());
  }

  /**
   * A refusal made before the request reached the API (the security chain's 401), in the same shape: the job is
   * unknown because the body was not read, and no time was spent on it.
   */
  public static Map<String, Object> refusal(String error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobId", "unknown");
    body.put("ok", false);
    body.put("error", error);
    body.put("durationMs", 0);
    return body;
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
