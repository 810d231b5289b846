package io.wasmhive.relay.intent;

import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.relay.gateway.ExecutionGateway;
import io.wasmhive.relay.gateway.ExecutionOutcome;
import io.wasmhive.relay.gateway.ExecutionRequest;
import io.wasmhive.relay.guard.ConcurrencyLimiter;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import io.wasmhive.relay.guard.PermissionChecker;
import io.wasmhive.relay.guard.PermissionDecision;
import io.wasmhive.relay.guard.PermissionRequest;
import io.wasmhive.relay.guard.RateLimitDecision;
import io.wasmhive.relay.guard.RateLimiter;
import io.wasmhive.relay.identity.RequestIdentity;
import io.wasmhive.relay.resolution.ModuleNotFoundException;
import io.wasmhive.relay.resolution.ModuleResolver;
import io.wasmhive.relay.resolution.ResolvedModule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's pipeline for one request: rate limit → validation → idempotency → permission → module resolution →
 * execution over Redis streams → response (cached in the idempotency store). Every refusal is a
 * {@link RelayApiException}; nothing is half-written: a request refused before it was published releases its
 * idempotency claim, and a published request's response is stored when its outcome arrives, even if the HTTP
 * client stopped waiting.
 */
public class ExecuteWasmService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExecuteWasmService.class);
  /** Margin of an in-flight claim beyond the longest time a request may wait for its result. */
  private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
  private static final String STATUS_PATH = "/intent/execute-wasm/";

  private final RateLimiter rateLimiter;
  private final RequestValidator validator;
  private final IdempotencyStore idempotency;
  private final PermissionChecker permissions;
  private final ModuleResolver resolver;
  private final ExecutionGateway gateway;
  private final ConcurrencyLimiter concurrency;
  private final IntentProperties properties;
  private final IntentMetrics metrics;
  private final JsonMapper json = JsonMapper.builder().build();
  private final ExecutorService finisher = Executors.newFixedThreadPool(
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), runnable -> {
        Thread thread = new Thread(runnable, "relay-finish");
        thread.setDaemon(true);
        return thread;
      });

  public ExecuteWasmService(RateLimiter rateLimiter, RequestValidator validator, IdempotencyStore idempotency,
      PermissionChecker permissions, ModuleResolver resolver, ExecutionGateway gateway, ConcurrencyLimiter concurrency,
      IntentProperties properties, IntentMetrics metrics) {
    this.rateLimiter = rateLimiter;
    this.validator = validator;
    this.idempotency = idempotency;
    this.permissions = permissions;
    this.resolver = resolver;
    this.gateway = gateway;
    this.concurrency = concurrency;
    this.properties = properties;
    this.metrics = metrics;
  }

  /** Stops the threads that store responses; outcomes arriving later are not stored (their claims expire). */
  @Override
  public void close() {
    finisher.shutdown();
    try {
      finisher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs the pipeline for a raw request body. */
  public IntentResult execute(byte[] body, RequestIdentity who) {
    long start = System.nanoTime();
    try {
      rateLimit(who);
      ValidatedRequest request;
      try {
        request = validator.validate(body);
      } catch (RelayApiException e) {
        metrics.invalidRequest();
        throw e;
      }
      String requestId = RequestIds.of(request, who.userId());
      return claimAndRun(request, requestId, who);
    } catch (RelayApiException e) {
      if (e.status().is5xxServerError() || e.status() == HttpStatus.NOT_FOUND) {
        metrics.error();
      }
      throw e;
    } finally {
      metrics.duration(System.nanoTime() - start);
    }
  }

  /** The status and, once finished, the result of an execution; {@code GET /intent/execute-wasm/{id}}. */
  public IntentResult status(String requestId, RequestIdentity who) {
    if (!requestId.matches("[0-9a-f]{64}")) {
      throw new RelayApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
          "request_id must be 64 lowercase hex characters").withErrorField("field", "request_id");
    }
    Optional<Claim> claim = idempotency.peek(requestId);
    if (claim.isPresent() && claim.get() instanceof Claim.Done done) {
      ObjectNode stored = parse(done.responseJson());
      if (!who.userId().equals(stored.path("user_id").asString(""))) {
        throw notFound(requestId);
      }
      ObjectNode body = (ObjectNode) stored.get("body");
      ObjectNode out = json.createObjectNode();
      out.put("request_id", requestId);
      out.put("status", body.path("success").asBoolean(false) ? "completed" : "failed");
      out.put("http_status", stored.path("status").asInt());
      out.set("result", body);
      return new IntentResult(200, out.toString(), true);
    }
    if (claim.isPresent() && claim.get() instanceof Claim.InFlight) {
      ObjectNode out = json.createObjectNode();
      out.put("request_id", requestId);
      out.put("status", "running");
      return new IntentResult(200, out.toString(), false);
    }
    throw notFound(requestId);
  }

  private static RelayApiException notFound(String requestId) {
    return new RelayApiException(HttpStatus.NOT_FOUND, "NOT_FOUND",
        "no execution " + requestId + " is known (results are kept for the idempotency TTL)")
        .withBodyField("request_id", requestId);
  }

  private void rateLimit(RequestIdentity who) {
    RateLimitDecision decision = rateLimiter.tryConsume(who.userId());
    if (!decision.allowed()) {
      metrics.rateLimited();
      long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
      throw new RelayApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
          "rate limit of " + decision.limit() + " requests per " + rateLimiter.windowMillis() + " ms exceeded;"
              + " retry after " + seconds + " s")
          .withBodyField("retry_after", seconds);
    }
  }

  private IntentResult claimAndRun(ValidatedRequest request, String requestId, RequestIdentity who) {
    Duration wait = waitBound(request);
    Claim claim = idempotency.claim(requestId, wait.plus(CLAIM_MARGIN));
    if (claim instanceof Claim.Done done) {
      metrics.idempotentHit();
      return replay(done);
    }
    if (claim instanceof Claim.InFlight) {
      metrics.idempotentHit();
      if (request.async()) {
        return accepted(requestId);
      }
      return awaitDuplicate(request, requestId, who, System.nanoTime() + wait.toNanos());
    }
    return run(request, requestId, who, wait);
  }

  private IntentResult run(ValidatedRequest request, String requestId, RequestIdentity who, Duration wait) {
    CompletableFuture<IntentResult> result;
    try {
      permit(who, request.cid(), null);
      ResolvedModule module = resolve(request.cid());
      if (!module.cid().equals(request.cid())) {
        permit(who, request.cid(), module.cid());
      }
      ExecutionRequest execution = new ExecutionRequest(requestId, request.cid(), module.sha256(),
          request.inputs(), request.policy(), who.userId(), who.sessionId(), Instant.now());
      if (!concurrency.tryAcquire(who.userId(), requestId, wait.plus(CLAIM_MARGIN))) {
        metrics.rateLimited();
        throw new RelayApiException(HttpStatus.TOO_MANY_REQUESTS, "CONCURRENCY_LIMITED",
            "you already have " + concurrency.limitFor(who.userId()) + " executions queued or running; retry when"
                + " one has finished")
            .withBodyField("retry_after", 1L).withBodyField("request_id", requestId);
      }
      CompletableFuture<ExecutionOutcome> outcome;
      try {
        outcome = gateway.submit(execution);
      } catch (EventBusException e) {
        concurrency.release(who.userId(), requestId);
        throw new RelayApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
            "the execution queue is unreachable; nothing was executed, retry later")
            .withBodyField("request_id", requestId);
      }
      result = outcome
          .orTimeout(wait.plus(CLAIM_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
          // Off the thread that completed the future (the one reader of wasm_exec_completed): storing the
          // response and releasing the slot are Redis round trips that would otherwise queue up behind each other.
          .handleAsync((o, failure) -> {
            concurrency.release(who.userId(), requestId);
            return finish(requestId, who, o, failure);
          }, finisher);
    } catch (RuntimeException e) {
      idempotency.release(requestId);
      throw e;
    }
    if (request.async()) {
      return accepted(requestId);
    }
    try {
      return result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RelayApiException(HttpStatus.GATEWAY_TIMEOUT, "RESULT_TIMEOUT",
          "no result within " + wait.toMillis() + " ms; the execution may still finish: GET " + STATUS_PATH
              + requestId)
          .withBodyField("request_id", requestId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RelayApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "the relay is shutting down")
          .withBodyField("request_id", requestId);
    } catch (ExecutionException e) {
      throw new IllegalStateException("finish() does not fail", e.getCause());
    }
  }

  /** Turns an outcome into the response, stores it for the idempotency TTL and counts it. */
  private IntentResult finish(String requestId, RequestIdentity who, ExecutionOutcome outcome, Throwable failure) {
    if (outcome == null) {
      // No outcome within the claim's lifetime (or the wait failed): forget the claim so a retry executes anew.
      log.warn("No outcome for {}: {}", requestId, failure == null ? "none" : failure.toString());
      idempotency.release(requestId);
      metrics.error();
      return errorResult(HttpStatus.GATEWAY_TIMEOUT, "RESULT_TIMEOUT", "no outcome arrived for " + requestId,
          requestId);
    }
    ObjectNode body = json.createObjectNode();
    body.put("success", outcome.success());
    body.put("request_id", requestId);
    body.set("output", outcome.output() == null ? json.nullNode() : outcome.output());
    body.put("gas_used", outcome.gasUsed());
    body.put("duration", outcome.durationMs());
    body.put("executed_at", (outcome.executedAt() == null ? Instant.now() : outcome.executedAt()).toString());
    if (outcome.executorNode() != null) {
      body.put("executor_node", outcome.executorNode());
    }
    int status = 200;
    if (outcome.success()) {
      metrics.success(outcome.gasUsed());
    } else {
      metrics.failedExecution(outcome.gasUsed());
      String code = outcome.errorCode() == null ? "EXECUTION_FAILED" : outcome.errorCode();
      status = switch (code) {
        case "INTERNAL_ERROR" -> 500;
        case "MODULE_UNAVAILABLE" -> 503;
        default -> 422;
      };
      ObjectNode error = body.putObject("error");
      error.put("code", code);
      error.put("message", outcome.error() == null ? code : outcome.error());
    }
    ObjectNode stored = json.createObjectNode();
    stored.put("status", status);
    stored.put("user_id", who.userId());
    stored.set("body", body);
    try {
      idempotency.complete(requestId, stored.toString(), idempotency.ttl());
    } catch (RuntimeException e) {
      log.warn("Could not store the response of {}: {}", requestId, e.toString());
    }
    return new IntentResult(status, body.toString(), false);
  }

  private IntentResult awaitDuplicate(ValidatedRequest request, String requestId, RequestIdentity who,
      long deadline) {
    CompletableFuture<ExecutionOutcome> arrival = gateway.awaitCompletion(requestId);
    try {
      long poll = Math.max(1, properties.duplicatePoll().toMillis());
      while (true) {
        Optional<Claim> claim = idempotency.peek(requestId);
        if (claim.isPresent() && claim.get() instanceof Claim.Done done) {
          return replay(done);
        }
        if (claim.isEmpty()) {
          // The first request gave up before executing: this one takes over.
          Claim again = idempotency.claim(requestId, waitBound(request).plus(CLAIM_MARGIN));
          if (again instanceof Claim.Acquired) {
            return run(request, requestId, who, waitBound(request));
          }
          if (again instanceof Claim.Done done) {
            return replay(done);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new RelayApiException(HttpStatus.GATEWAY_TIMEOUT, "RESULT_TIMEOUT",
              "an identical request is still running; its result will be at GET " + STATUS_PATH + requestId)
              .withBodyField("request_id", requestId);
        }
        try {
          arrival.get(Math.min(poll, TimeUnit.NANOSECONDS.toMillis(left) + 1), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // keep polling: the stored response is what this request returns
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RelayApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "the relay is shutting down");
        }
      }
    } finally {
      arrival.cancel(false);
    }
  }

  private void permit(RequestIdentity who, String reference, String cid) {
    PermissionDecision decision = permissions.check(
        new PermissionRequest(who.userId(), who.sessionId(), reference, cid));
    if (!decision.allowed()) {
      metrics.permissionDenied();
      throw new RelayApiException(HttpStatus.FORBIDDEN, "PERMISSION_DENIED", decision.reason())
          .withErrorField("reason", decision.reason());
    }
  }

  private ResolvedModule resolve(String reference) {
    try {
      return resolver.resolve(reference, properties.resolveWait());
    } catch (ModuleNotFoundException e) {
      throw new RelayApiException(HttpStatus.NOT_FOUND, "MODULE_NOT_FOUND", e.getMessage())
          .withErrorField("tried", e.tried());
    } catch (EventBusException e) {
      // The bus's message names the Redis client's exception: the log gets it, the client a plain sentence.
      log.warn("Module resolution of {} failed: {}", reference, e.getMessage());
      throw new RelayApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
          "module resolution needs the event bus, which is unreachable; retry later");
    }
  }

  private Duration waitBound(ValidatedRequest request) {
    return Duration.ofMillis(request.policy().maxTimeMs()).plus(properties.executionSlack());
  }

  private IntentResult replay(Claim.Done done) {
    ObjectNode stored = parse(done.responseJson());
    return new IntentResult(stored.path("status").asInt(200), stored.get("body").toString(), true);
  }

  private IntentResult accepted(String requestId) {
    ObjectNode body = json.createObjectNode();
    body.put("success", true);
    body.put("request_id", requestId);
    body.put("status", "queued");
    body.put("status_url", STATUS_PATH + requestId);
    return new IntentResult(202, body.toString(), false);
  }

  private IntentResult errorResult(HttpStatus status, String code, String message, String requestId) {
    ObjectNode body = json.createObjectNode();
    body.put("success", false);
    body.put("request_id", requestId);
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return new IntentResult(status.value(), body.toString(), false);
  }

  private ObjectNode parse(String text) {
    try {
      JsonNode node = json.readTree(text);
      if (node instanceof ObjectNode object && object.get("body") instanceof ObjectNode) {
        return object;
      }
    } catch (JacksonException e) {
      // fall through
    }
    throw new IllegalStateException("The idempotency store holds a malformed response");
  }
}
