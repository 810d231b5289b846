package io.wasmhive.relay.intent;

import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.guard.ConcurrencyLimiter;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks that may refuse a request, in the seed's order and words: rate limit (1), validation (2), permission
 * (4) and module resolution (5), and the per-user concurrency slot taken just before queueing. Each refusal is a
 * {@link RelayException} and is counted. Thread-safe; each check blocks for its Redis or MongoDB round trips.
 */
final class RequestGuards {

  private static final Logger log = LoggerFactory.getLogger(RequestGuards.class);

  private final RateLimiter rateLimiter;
  private final RequestValidator validator;
  private final PermissionChecker permissions;
  private final ModuleResolver resolver;
  private final ConcurrencyLimiter concurrency;
  private final Duration resolveWait;
  private final IntentMetrics metrics;

  RequestGuards(RateLimiter rateLimiter, RequestValidator validator, PermissionChecker permissions,
      ModuleResolver resolver, ConcurrencyLimiter concurrency, Duration resolveWait, IntentMetrics metrics) {
    this.rateLimiter = rateLimiter;
    this.validator = validator;
    this.permissions = permissions;
    this.resolver = resolver;
    this.concurrency = concurrency;
    this.resolveWait = resolveWait;
    this.metrics = metrics;
  }

  /** Stage 1: refuses with {@code RATE_LIMITED} and the exact wait, rounded up to seconds. */
  void rateLimit(RequestIdentity who) {
    RateLimitDecision decision = rateLimiter.tryConsume(who.userId());
    if (!decision.allowed()) {
      metrics.rateLimited();
      long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
      throw new RelayException(RelayError.RATE_LIMITED, "rate limit of " + decision.limit() + " requests per "
          + rateLimiter.windowMillis() + " ms exceeded; retry after " + seconds + " s").withRetryAfter(seconds);
    }
  }

  /** Stage 2: the strict schema; refuses with {@code INVALID_REQUEST} naming the field. */
  ValidatedRequest validate(byte[] body) {
    try {
      return validator.validate(body);
    } catch (RelayException e) {
      metrics.invalidRequest();
      throw e;
    }
  }

  /**
   * Stages 4 and 5: the permission check on the reference as sent, resolution, and the check again on the resolved
   * CID when it differs (a rule on a CID covers the names that resolve to it).
   */
  ResolvedModule permitAndResolve(RequestIdentity who, String reference) {
    permit(who, reference, null);
    ResolvedModule module = resolve(reference);
    if (!module.cid().equals(reference)) {
      permit(who, reference, module.cid());
    }
    return module;
  }

  /** Takes one of the user's concurrency slots for {@code hold}; refuses with {@code CONCURRENCY_LIMITED}. */
  void acquireSlot(RequestIdentity who, String requestId, Duration hold) {
    if (!concurrency.tryAcquire(who.userId(), requestId, hold)) {
      metrics.rateLimited();
      throw new RelayException(RelayError.CONCURRENCY_LIMITED, "you already have "
          + concurrency.limitFor(who.userId()) + " executions queued or running; retry when one has finished")
          .withRetryAfter(1).withBodyField("request_id", requestId);
    }
  }

  /** Gives the slot back: the request's outcome arrived, or it was never published. */
  void releaseSlot(RequestIdentity who, String requestId) {
    concurrency.release(who.userId(), requestId);
  }

  private void permit(RequestIdentity who, String reference, String cid) {
    PermissionDecision decision = permissions.check(
        new PermissionRequest(who.userId(), who.sessionId(), reference, cid));
    if (!decision.allowed()) {
      metrics.permissionDenied();
      throw new RelayException(RelayError.PERMISSION_DENIED, decision.reason())
          .withErrorField("reason", decision.reason());
    }
  }

  private ResolvedModule resolve(String reference) {
    try {
      return resolver.resolve(reference, resolveWait);
    } catch (ModuleNotFoundException e) {
      throw new RelayException(RelayError.MODULE_NOT_FOUND, e.getMessage()).withErrorField("tried", e.tried());
    } catch (EventBusException e) {
      // The bus's message names the Redis client's exception: the log gets it, the client a plain sentence.
      log.warn("Module resolution of {} failed: {}", reference, e.getMessage());
      throw new RelayException(RelayError.UNAVAILABLE,
          "module resolution needs the event bus, which is unreachable; retry later");
    }
  }
}
