package io.wasmhive.workflow.access;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.testing.httpfuzz.ErrorBodyCheck;
import io.wasmhive.platform.testing.httpfuzz.HttpFuzzer;
import java.util.Base64;
import org.springframework.context.ApplicationContext;

/**
 * The workflow service's fuzzer (docs/fuzzing-http.md): its request mappings plus the two run event streams (a
 * servlet), plausible bodies, and its two error shapes: {@code {"error":{"code","message","details"}}}, and the
 * Ditto WASM server's {@code {"jobId","ok":false,"error","durationMs"}} under {@code /wasm/}.
 */
final class WorkflowFuzz {

  /** The workflow API's error body, with {@code details}. */
  static final ErrorBodyCheck API = ErrorBodyCheck.standard()
      .and((p, b) -> b.get("error").has("details") ? null : "no \"error.details\"");

  /**
   * The workflow API's error body, or the WASM server's under its prefix. Under {@code /wasm/} the API's shape is
   * accepted too: Tomcat refuses a request whose head is too large before it has parsed its path, so the service
   * cannot tell which of its APIs the request was for and answers in its main one.
   */
  static final ErrorBodyCheck SHAPE = (path, body) -> {
    if (path.startsWith("/wasm/")) {
      boolean shaped = body.path("ok").isBoolean() && !body.get("ok").asBoolean() && body.path("error").isString()
          && body.has("jobId") && body.path("durationMs").isNumber();
      return shaped || API.problem(path, body) == null ? null
          : "neither the WASM server's {\"jobId\",\"ok\":false,\"error\",\"durationMs\"} nor the API's";
    }
    return API.problem(path, body);
  };

  private WorkflowFuzz() {
  }

  static HttpFuzzer fuzzer(ApplicationContext context, int port) {
    String module = Base64.getEncoder().encodeToString(GuestCorpus.bytes("wf-echo-stdin.wasm"));
    return HttpFuzzer.of(context, port).errorBody(SHAPE).bodyLimit(12L << 20)
        .servlet("GET", "/runs/{id}/events", "text/event-stream")
        .servlet("GET", "/workflows/{id}/events", "text/event-stream")
        .variable("jobId", "job-1")
        .sample("POST /workflows", Workflows.scheduled())
        .sample("POST /workflows/{id}/jobs/{jobId}/runs", "{\"execute\":false}")
        .sample("POST /wasm/run", "{\"jobId\":\"fuzz\",\"wasmB64\":\"" + module
            + "\",\"input\":{\"x\":1},\"timeoutMs\":2000}");
  }
}
