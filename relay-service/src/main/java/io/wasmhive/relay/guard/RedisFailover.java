package io.wasmhive.relay.guard;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;

/**
 * Runs a guard's Redis commands, or its in-process fallback while Redis fails. One failed command opens a
 * circuit breaker: for {@code recoveryInterval} every call goes straight to the fallback, then one call tries
 * Redis again and closes the circuit if it succeeds. Only Redis failures ({@link DataAccessException}) switch;
 * other exceptions propagate. Thread-safe; never blocks beyond the Redis command itself.
 */
final class RedisFailover {

  private static final Log logger = LogFactory.getLog(RedisFailover.class);

  private final String feature;

  private final Duration recoveryInterval;

  private final CircuitBreaker breaker;

  RedisFailover(String feature, Duration recoveryInterval) {
    this.feature = feature;
    this.recoveryInterval = recoveryInterval;
    this.breaker = CircuitBreaker.of(feature + "-redis", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(1)
        .minimumNumberOfCalls(1)
        .failureRateThreshold(100)
        .permittedNumberOfCallsInHalfOpenState(1)
        .waitDurationInOpenState(recoveryInterval)
        .recordExceptions(DataAccessException.class)
        .build());
    breaker.getEventPublisher().onStateTransition(event -> log(event.getStateTransition()));
  }

  /** The Redis answer, or the fallback's when Redis fails or the circuit is open. */
  <T> T call(Supplier<T> onRedis, Supplier<T> fallback) {
    if (!breaker.tryAcquirePermission()) {
      return fallback.get();
    }
    long start = System.nanoTime();
    try {
      T result = onRedis.get();
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return result;
    } catch (DataAccessException failure) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
      logger.debug(feature + ": Redis command failed, the in-process fallback answers", failure);
      return fallback.get();
    } catch (RuntimeException bug) {
      breaker.releasePermission();
      throw bug;
    }
  }

  /** {@link #call} for commands without an answer. */
  void run(Runnable onRedis, Runnable fallback) {
    call(() -> {
      onRedis.run();
      return null;
    }, () -> {
      fallback.run();
      return null;
    });
  }

  /** Up while Redis answers; degraded while the fallback answers (circuit open or half-open). */
  FeatureState state() {
    if (breaker.getState() == CircuitBreaker.State.CLOSED) {
      return FeatureState.up();
    }
    return FeatureState.degraded("Redis unreachable: in-process fallback, not shared between instances;"
        + " Redis is retried every " + recoveryInterval.toMillis() + " ms");
  }

  private void log(CircuitBreaker.StateTransition transition) {
    switch (transition.getToState()) {
      case OPEN -> logger.warn(feature + ": Redis unreachable; the in-process fallback answers, Redis is"
          + " retried in " + recoveryInterval.toMillis() + " ms");
      case CLOSED -> logger.info(feature + ": Redis answers again; back on Redis");
      default -> logger.debug(feature + ": circuit " + transition);
    }
  }
}
