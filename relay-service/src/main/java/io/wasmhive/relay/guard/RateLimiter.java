package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;

/** Stage 1 of the pipeline: a per-user request budget shared by every relay instance. */
public interface RateLimiter {

  /** Takes one request from {@code userId}'s budget. Never throws for a store outage (see {@link #state()}). */
  RateLimitDecision tryConsume(String userId);

  /** Requests allowed per window for users without an override. */
  long limit();

  /** The window in milliseconds. */
  long windowMillis();

  FeatureState state();
}
