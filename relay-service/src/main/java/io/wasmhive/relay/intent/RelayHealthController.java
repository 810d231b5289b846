package io.wasmhive.relay.intent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.relay.IntentProperties;
import io.wasmhive.relay.ServesApi;
import io.wasmhive.relay.events.ExecutionEventStream;
import io.wasmhive.relay.gateway.ExecutionGateway;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.guard.PermissionChecker;
import io.wasmhive.relay.guard.RateLimiter;
import io.wasmhive.relay.health.FeatureState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /intent/execute-wasm/health}, in the seed's shape and true to the running configuration: a feature
 * reads {@code false} when it is switched off or degraded (the reason is under {@code details}); {@code status}
 * is {@code healthy} when no enabled feature is degraded, else {@code degraded}.
 */
@ServesApi
@RestController
@Tag(name = "execute")
public class RelayHealthController {

  private final RateLimiter rateLimiter;
  private final IdempotencyStore idempotency;
  private final PermissionChecker permissions;
  private final ExecutionGateway gateway;
  private final ObjectProvider<ExecutionEventStream> sseEvents;
  private final IntentProperties properties;

  public RelayHealthController(RateLimiter rateLimiter, IdempotencyStore idempotency, PermissionChecker permissions,
      ExecutionGateway gateway, ObjectProvider<ExecutionEventStream> sseEvents, IntentProperties properties) {
    this.rateLimiter = rateLimiter;
    this.idempotency = idempotency;
    this.permissions = permissions;
    this.gateway = gateway;
    this.sseEvents = sseEvents;
    this.properties = properties;
  }

  @GetMapping(path = "/intent/execute-wasm/health", produces = "application/json")
  @Operation(summary = "Seed 001's health: the features on, off or degraded, and the limits (public)")
  @ApiResponse(responseCode = "200", description = "The relay's state", content = @Content(schema = @Schema(
      implementation = IntentSchemas.Health.class)))
  public Map<String, Object> health() {
    Map<String, FeatureState> states = new LinkedHashMap<>();
    states.put("idempotency", idempotency.state());
    states.put("rate_limiting", rateLimiter.state());
    states.put("antigone_integration", permissions.state());
    ExecutionEventStream sse = sseEvents.getIfAvailable();
    states.put("sse_events", sse == null ? FeatureState.off() : sse.state());
    states.put("tmpbus_events", gateway.state());
    Map<String, Object> features = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    boolean degraded = false;
    for (Map.Entry<String, FeatureState> entry : states.entrySet()) {
      FeatureState state = entry.getValue();
      features.put(entry.getKey(), state.healthy());
      degraded |= state.enabled() && state.degraded();
      if (!state.detail().isEmpty()) {
        details.put(entry.getKey(), state.detail());
      }
    }
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("rate_limit", rateLimiter.limit());
    limits.put("rate_window", rateLimiter.windowMillis());
    limits.put("idempotency_ttl", idempotency.ttl().toMillis());
    limits.put("max_memory", properties.maxima().limits().maxMemory());
    limits.put("max_gas", properties.maxima().limits().maxGas());
    limits.put("max_time", properties.maxima().limits().maxTime());
    limits.put("max_body_bytes", properties.maxBodyBytes());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", degraded ? "degraded" : "healthy");
    body.put("features", features);
    body.put("limits", limits);
    if (!details.isEmpty()) {
      body.put("details", details);
    }
    return body;
  }
}
