package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.testing.UnixFsDags;
import org.junit.jupiter.api.Test;

/**
 * A gateway serving a DAG whose shared children would take millions of visits to walk (the 184 KB CAR:
 * 2,000 links to a node of 2,000 links to one empty leaf): the read stops at its budget, and the verdict ends the
 * fetch for every gateway, without a retry.
 */
class FetchHostileDagTest extends FetchTestSupport {

  private final TestModules.Dag hostile = TestModules.of(UnixFsDags.sharedFanOut(2000, 2, new byte[0]));

  @Test
  void aDagTooComplexEndsTheFetchWithoutAskingAgainOrElsewhere() throws Exception {
    FakeGateway first = gateway(Responders.serving(hostile));
    FakeGateway second = gateway(Responders.serving(hostile));
    ModuleFetcher fetcher = fetcher(of(first, second), "hedge-delay", "5s", "retry.initial-backoff", "1ms");

    assertThatThrownBy(() -> fetcher.fetch(hostile.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.failures()).extracting(GatewayFailure::reason).containsExactly(FailureReason.DAG_TOO_COMPLEX);
          assertThat(e.getMessage()).contains(hostile.root().toString(), "more than 20488 repeat visits");
        });
    assertThat(first.requests()).isEqualTo(1);
    assertThat(second.requests()).isZero();
    assertThat(requests(first, "dag_too_complex")).isEqualTo(1);
  }
}
