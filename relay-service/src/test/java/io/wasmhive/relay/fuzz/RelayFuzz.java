package io.wasmhive.relay.fuzz;

import io.wasmhive.platform.testing.httpfuzz.ErrorBodyCheck;
import io.wasmhive.platform.testing.httpfuzz.HttpFuzzer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The relay's fuzzer (docs/fuzzing-http.md): its request mappings plus the event stream servlet, a plausible
 * execute body, and its error shape {@code {"success":false,"error":{"code","message"}}}. The tests that run it
 * share the relays of {@code RelayAuthorizationMatrixIntegrationTests} (secure) and
 * {@code ExecuteWasmIntegrationTests} (local).
 */
public final class RelayFuzz {

  /** The relay's error bodies: the standard object under {@code error}, and {@code "success":false}. */
  public static final ErrorBodyCheck SHAPE = ErrorBodyCheck.standard().and((path, body) ->
      body.path("success").isBoolean() && !body.get("success").asBoolean() ? null : "no \"success\":false");

  private RelayFuzz() {
  }

  /** A fuzzer of the running relay {@code app}; {@code cid} names a stored module for plausible executions. */
  public static HttpFuzzer fuzzer(ConfigurableApplicationContext app, String cid, long bodyLimit) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return HttpFuzzer.of(app, port).errorBody(SHAPE).bodyLimit(bodyLimit)
        .servlet("GET", "/intent/execute-wasm/events", "text/event-stream")
        .variable("requestId", "abc123").variable("name", "fuzz").variable("version", "1.0.0")
        .sample("POST /intent/execute-wasm", "{\"cid\":\"" + cid + "\",\"inputs\":[2,3],\"policy\":{"
            + "\"max_memory\":1048576,\"max_gas\":1000000,\"max_time\":2000},\"idempotency_key\":\"k\"}")
        .sample("POST /names", "{\"name\":\"fuzz\",\"version\":\"1.0.0\",\"cid\":\"" + cid + "\"}");
  }
}
