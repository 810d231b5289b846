package io.wasmhive.relay.guard;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.wasmhive.relay.health.FeatureState;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a remote policy service: {@code POST} of {@code {user_id, session_id, module, cid}} to the configured
 * URL, expecting {@code 2xx} with {@code {allowed: bool, reason: string}}. Fails closed: a timeout, a transport
 * error, another status, a malformed answer or an open circuit is a denial ("permission service
 * unavailable"). A Resilience4j circuit breaker stops calling a failing service for {@code open-duration}.
 * Thread-safe; {@link #check} blocks for one call, at most the timeout.
 */
final class RemotePermissionChecker implements PermissionChecker {

  /** The reason given for every denial caused by the service's failure. */
  static final String UNAVAILABLE = "permission service unavailable";

  private static final Log logger = LogFactory.getLog(RemotePermissionChecker.class);

  private final PermissionProperties.Remote settings;

  private final HttpClient http;

  private final JsonMapper json = JsonMapper.builder().build();

  private final CircuitBreaker breaker;

  RemotePermissionChecker(PermissionProperties.Remote settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.breaker = CircuitBreaker.of("permission-remote", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(Math.max(10, settings.minimumCalls()))
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRate())
        .permittedNumberOfCallsInHalfOpenState(1)
        .waitDurationInOpenState(settings.openDuration())
        .build());
    breaker.getEventPublisher().onStateTransition(event ->
        logger.warn("Remote permission service circuit: " + event.getStateTransition()));
  }

  @Override
  public PermissionDecision check(PermissionRequest request) {
    try {
      return breaker.executeCallable(() -> ask(request));
    } catch (CallNotPermittedException open) {
      return PermissionDecision.deny(UNAVAILABLE + " (circuit open)");
    } catch (Exception failure) {
      logger.debug("Remote permission check failed", failure);
      return PermissionDecision.deny(UNAVAILABLE);
    }
  }

  private PermissionDecision ask(PermissionRequest request) throws Exception {
    HttpRequest post = HttpRequest.newBuilder(settings.url())
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(request))))
        .build();
    CompletableFuture<HttpResponse<String>> call = http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      response = call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException stopped) {
      call.cancel(true);
      throw stopped;
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof Exception cause ? cause : failed;
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("permission service answered " + response.statusCode());
    }
    return decision(json.readTree(response.body()));
  }

  private static Map<String, Object> body(PermissionRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user_id", request.userId());
    body.put("session_id", request.sessionId());
    body.put("module", request.moduleRef());
    body.put("cid", request.cid());
    return body;
  }

  private static PermissionDecision decision(JsonNode answer) {
    JsonNode allowed = answer.get("allowed");
    if (allowed == null || !allowed.isBoolean()) {
      throw new IllegalStateException("permission service answer lacks a boolean \"allowed\"");
    }
    JsonNode reason = answer.get("reason");
    String text = reason != null && reason.isString() && !reason.asString().isBlank() ? reason.asString()
        : allowed.booleanValue() ? "allowed by the permission service" : "denied by the permission service";
    return new PermissionDecision(allowed.booleanValue(), text);
  }

  @Override
  public FeatureState state() {
    return switch (breaker.getState()) {
      case CLOSED, DISABLED -> FeatureState.up();
      default -> FeatureState.degraded(UNAVAILABLE + ": circuit " + breaker.getState().name().toLowerCase()
          + ", executions are denied until it answers again");
    };
  }
}
