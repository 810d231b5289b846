package io.wasmhive.relay.intent;

import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayErrors;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.gateway.ExecutionOutcome;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import io.wasmhive.relay.identity.RequestIdentity;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of {@code /intent/execute-wasm} that are not refusals: an outcome's response (200, or the failed
 * execution's status with {@code error}), the stored form a response is kept in for the idempotency TTL
 * ({@code {status, user_id, body}}) and replayed from byte for byte, the {@code 202} of an async request and the
 * status endpoint's answers. Refusals are {@link RelayException}s, rendered by {@link RelayErrors}. Stateless.
 */
final class ExecutionResponses {

  static final String STATUS_PATH = "/intent/execute-wasm/";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ExecutionResponses() {
  }

  /**
   * What a finished execution answers, and the form it is stored in.
   *
   * @param result the response
   * @param stored the JSON the idempotency store keeps
   */
  record Rendered(IntentResult result, String stored) {
  }

  /** The response to an outcome: its body and status, and the stored form naming the user it belongs to. */
  static Rendered outcome(String requestId, RequestIdentity who, ExecutionOutcome outcome) {
    ObjectNode body = JSON.createObjectNode();
    body.put("success", outcome.success());
    body.put("request_id", requestId);
    body.set("output", outcome.output() == null ? JSON.nullNode() : outcome.output());
    body.put("gas_used", outcome.gasUsed());
    body.put("duration", outcome.durationMs());
    body.put("executed_at", (outcome.executedAt() == null ? Instant.now() : outcome.executedAt()).toString());
    if (outcome.executorNode() != null) {
      body.put("executor_node", outcome.executorNode());
    }
    int status = 200;
    if (!outcome.success()) {
      String code = outcome.errorCode() == null ? RelayError.EXECUTION_FAILED.code() : outcome.errorCode();
      status = RelayError.statusOfOutcome(code).value();
      ObjectNode error = body.putObject("error");
      error.put("code", code);
      error.put("message", outcome.error() == null ? code : outcome.error());
    }
    ObjectNode stored = JSON.createObjectNode();
    stored.put("status", status);
    stored.put("user_id", who.userId());
    stored.set("body", body);
    return new Rendered(new IntentResult(status, body.toString(), false), stored.toString());
  }

  /** A refusal decided after the request was published (no outcome in time), as a response rather than thrown. */
  static IntentResult error(RelayException e) {
    return new IntentResult(e.error().status().value(), JSON.writeValueAsString(RelayErrors.body(e)), false);
  }

  /** A stored response, replayed as it was. */
  static IntentResult replay(Claim.Done done) {
    ObjectNode stored = parse(done.responseJson());
    return new IntentResult(stored.path("status").asInt(200), stored.get("body").toString(), true);
  }

  /** {@code 202} for an async request: queued, with where to ask for the result. */
  static IntentResult accepted(String requestId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("success", true);
    body.put("request_id", requestId);
    body.put("status", "queued");
    body.put("status_url", STATUS_PATH + requestId);
    return new IntentResult(202, body.toString(), false);
  }

  /**
   * The status endpoint's answer for a stored response, or null when it belongs to another user and
   * {@code anyUser} (an administrator's request) is false.
   */
  static IntentResult finished(String requestId, String userId, boolean anyUser, Claim.Done done) {
    ObjectNode stored = parse(done.responseJson());
    if (!anyUser && !userId.equals(stored.path("user_id").asString(""))) {
      return null;
    }
    ObjectNode body = (ObjectNode) stored.get("body");
    ObjectNode out = JSON.createObjectNode();
    out.put("request_id", requestId);
    out.put("status", body.path("success").asBoolean(false) ? "completed" : "failed");
    out.put("http_status", stored.path("status").asInt());
    out.set("result", body);
    return new IntentResult(200, out.toString(), true);
  }

  /** The status endpoint's answer while the execution runs. */
  static IntentResult running(String requestId) {
    ObjectNode out = JSON.createObjectNode();
    out.put("request_id", requestId);
    out.put("status", "running");
    return new IntentResult(200, out.toString(), false);
  }

  private static ObjectNode parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode object && object.get("body") instanceof ObjectNode) {
        return object;
      }
    } catch (JacksonException e) {
      // fall through
    }
    throw new IllegalStateException("The idempotency store holds a malformed response");
  }
}
