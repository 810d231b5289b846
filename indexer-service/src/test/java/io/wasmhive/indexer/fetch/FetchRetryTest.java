package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wasmhive.platform.ipfs.Cid;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rounds retried with backoff, and the failures that are not retried. */
class FetchRetryTest extends FetchTestSupport {

  private final TestModules.Dag raw = TestModules.rawBlock(TestModules.guest("c-add.wasm"));

  @Test
  void twoServerErrorsThenSuccessOnTheThirdRound() throws Exception {
    FakeGateway flaky = gateway(Responders.sequence(Responders.status(503), Responders.status(503),
        Responders.serving(raw)));

    FetchedModule module = fetcher(of(flaky), "retry.initial-backoff", "100ms", "retry.multiplier", "2")
        .fetch(raw.root());

    assertThat(module.bytes()).isEqualTo(raw.blocks().get(raw.root()));
    assertThat(module.failuresBeforeSuccess()).extracting(GatewayFailure::reason, GatewayFailure::attempt)
        .containsExactly(tuple(FailureReason.HTTP_5XX, 1), tuple(FailureReason.HTTP_5XX, 2));
    assertThat(flaky.requests()).isEqualTo(3);
    assertThat(module.took()).isGreaterThanOrEqualTo(Duration.ofMillis(100 + 200));
    assertThat(requests(flaky, "http_5xx")).isEqualTo(2);
    assertThat(requests(flaky, "ok")).isEqualTo(1);
  }

  @Test
  void serverErrorsOnEveryRoundFailAfterMaxAttempts() throws Exception {
    FakeGateway broken = gateway(Responders.status(502));

    assertThatThrownBy(() -> fetcher(of(broken), "retry.initial-backoff", "1ms").fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.failures()).extracting(GatewayFailure::attempt).containsExactly(1, 2, 3);
          assertThat(e.getMessage()).contains("attempt 3", "retryable");
        });
    assertThat(broken.requests()).isEqualTo(3);
  }

  @Test
  void rateLimitedIsRetried() throws Exception {
    FakeGateway busy = gateway(Responders.sequence(Responders.status(429), Responders.serving(raw)));

    FetchedModule module = fetcher(of(busy), "retry.initial-backoff", "1ms").fetch(raw.root());

    assertThat(module.failuresBeforeSuccess()).extracting(GatewayFailure::reason)
        .containsExactly(FailureReason.RATE_LIMITED);
  }

  @Test
  void forbiddenIsNotRetried() throws Exception {
    FakeGateway closed = gateway(Responders.status(403));

    assertThatThrownBy(() -> fetcher(of(closed)).fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.failures()).extracting(GatewayFailure::reason, GatewayFailure::message)
              .containsExactly(tuple(FailureReason.HTTP_OTHER, "HTTP status 403"));
        });
    assertThat(closed.requests()).isEqualTo(1);
  }

  @Test
  void refusedConnectionIsRetryable() throws Exception {
    FakeGateway gone = gateway(Responders.status(200));
    ModuleFetcher fetcher = fetcher(of(gone), "retry.max-attempts", "2", "retry.initial-backoff", "1ms");
    gone.close();

    assertThatThrownBy(() -> fetcher.fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.failures()).extracting(GatewayFailure::reason)
              .containsExactly(FailureReason.CONNECT, FailureReason.CONNECT);
        });
  }

  @Test
  void garbageInsteadOfACarIsMalformed() throws Exception {
    Cid v0 = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");
    FakeGateway confused = gateway(Responders.bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, true));

    assertThatThrownBy(() -> fetcher(of(confused), "retry.max-attempts", "1").fetch(v0))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> assertThat(e.failures())
            .extracting(GatewayFailure::reason).containsExactly(FailureReason.MALFORMED));
  }

  @Test
  void withoutGatewaysFetchingIsDisabledWithAClearError() {
    ModuleFetcher fetcher = Fetchers.fetcher(Map.of("gateways", ""), new SimpleMeterRegistry());

    assertThat(fetcher.enabled()).isFalse();
    assertThatThrownBy(() -> fetcher.fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.failures()).isEmpty();
          assertThat(e.getMessage()).contains("no IPFS gateway is configured", "IPFS_GATEWAYS", "disabled");
        });
    fetcher.close();
  }
}
