package io.wasmhive.platform.events.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.EventHandlingException;
import io.wasmhive.platform.events.InvalidEventException;

/** How failures are classified, described and waited on. */
class RetryabilityTest {

  /** Like executor-core's ExecutorException: marks itself, without knowing the bus. */
  static final class MarkedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    MarkedFailure(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  @Test
  void exceptionsThatMarkThemselvesDecideOtherwiseRetry() {
    assertThat(Retryability.isRetryable(EventHandlingException.notRetryable("x", null))).isFalse();
    assertThat(Retryability.isRetryable(EventHandlingException.retryable("x", null))).isTrue();
    assertThat(Retryability.isRetryable(new InvalidEventException("x"))).isFalse();
    assertThat(Retryability.isRetryable(new MarkedFailure(false))).isFalse();
    assertThat(Retryability.isRetryable(new MarkedFailure(true))).isTrue();
    assertThat(Retryability.isRetryable(new IllegalStateException())).isTrue();
  }

  @Test
  void outageDescriptionsMaskCredentials() {
    RuntimeException failure = new RuntimeException("wrapper",
        new IllegalStateException("cannot reach redis://user:s3cret@cache:6379 or rediss://:pw@x:1"));
    assertThat(Outage.describe(failure))
        .isEqualTo("IllegalStateException: cannot reach redis://***@cache:6379 or rediss://***@x:1")
        .doesNotContain("s3cret");
  }

  @Test
  void backoffDoublesUpToItsMaximumAndResets() {
    Backoff backoff = new Backoff(new EventBusProperties.Backoff(Duration.ofMillis(100), Duration.ofMillis(350)));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(350));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(350));
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
  }
}
