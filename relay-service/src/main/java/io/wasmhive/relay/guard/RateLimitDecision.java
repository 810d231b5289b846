package io.wasmhive.relay.guard;

import java.time.Duration;

/**
 * The answer of {@link RateLimiter#tryConsume}.
 *
 * @param allowed whether the request may go on
 * @param limit the user's budget per window
 * @param remaining requests left in the window after this one
 * @param retryAfter when refused, how long until a request would be allowed; {@link Duration#ZERO} otherwise
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration retryAfter) {
}
