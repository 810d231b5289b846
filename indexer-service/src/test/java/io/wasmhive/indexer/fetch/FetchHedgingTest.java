package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.ipfs.UnixFsImporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Several gateways: liars, slow ones and ones without the CID, against an honest one. */
class FetchHedgingTest extends FetchTestSupport {

  private static final Duration SLOW = Duration.ofSeconds(5);

  private final byte[] small = TestModules.guest("c-add.wasm");
  private final TestModules.Dag raw = TestModules.rawBlock(small);

  @Test
  void liarIsRecordedAndTheHonestGatewayWins() throws Exception {
    FakeGateway liar = gateway(Responders.lying(raw));
    FakeGateway honest = gateway(Responders.serving(raw));

    FetchedModule module = fetcher(of(liar, honest), "hedge-delay", "5s").fetch(raw.root());

    assertThat(module.bytes()).isEqualTo(small);
    assertThat(module.gateway()).isEqualTo(honest.url());
    assertThat(module.took()).isLessThan(SLOW);
    assertThat(module.failuresBeforeSuccess()).singleElement().satisfies(f -> {
      assertThat(f.gateway()).isEqualTo(liar.url());
      assertThat(f.reason()).isEqualTo(FailureReason.HASH_MISMATCH);
      assertThat(f.attempt()).isEqualTo(1);
      assertThat(f.bytesRead()).isEqualTo(small.length);
    });
    assertThat(requests(liar, "hash_mismatch")).isEqualTo(1);
    assertThat(requests(honest, "ok")).isEqualTo(1);
    assertThat(registry.find(FetchMetrics.DURATION).tag("outcome", "success").timer().count()).isEqualTo(1);
  }

  @Test
  void liarOfAMultiChunkCar() throws Exception {
    byte[] bytes = TestModules.synthetic(700 * 1024);
    TestModules.Dag dag = TestModules.dag(bytes, UnixFsImporter.cidV0());
    FakeGateway liar = gateway(Responders.lying(dag));
    FakeGateway honest = gateway(Responders.serving(dag));

    FetchedModule module = fetcher(of(liar, honest), "hedge-delay", "5s").fetch(dag.root());

    assertThat(module.bytes()).isEqualTo(bytes);
    assertThat(module.failuresBeforeSuccess()).extracting(GatewayFailure::reason)
        .containsExactly(FailureReason.HASH_MISMATCH);
  }

  @Test
  void aLiarAloneFailsRetryablyOnEveryRound() throws Exception {
    FakeGateway liar = gateway(Responders.lying(raw));

    assertThatThrownBy(() -> fetcher(of(liar), "retry.max-attempts", "2", "retry.initial-backoff", "1ms")
        .fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.failures()).extracting(GatewayFailure::reason, GatewayFailure::attempt)
              .containsExactly(org.assertj.core.groups.Tuple.tuple(FailureReason.HASH_MISMATCH, 1),
                  org.assertj.core.groups.Tuple.tuple(FailureReason.HASH_MISMATCH, 2));
        });
    assertThat(liar.requests()).isEqualTo(2);
    assertThat(registry.find(FetchMetrics.DURATION).tag("outcome", "failure").timer().count()).isEqualTo(1);
  }

  @Test
  void slowGatewayIsHedgedAndCancelled() throws Exception {
    FakeGateway slow = gateway(Responders.delayed(SLOW, Responders.serving(raw)));
    FakeGateway fast = gateway(Responders.serving(raw));
    ModuleFetcher fetcher = fetcher(of(slow, fast), "hedge-delay", "100ms");

    FetchedModule module = fetcher.fetch(raw.root());

    assertThat(module.gateway()).isEqualTo(fast.url());
    assertThat(module.took()).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofSeconds(2));
    assertThat(module.failuresBeforeSuccess()).isEmpty();
    assertThat(requests(slow, "cancelled")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(1)).until(() -> idle(fetcher));
  }

  @Test
  void theLosersConnectionIsClosed() throws Exception {
    FakeGateway slow = gateway(Responders.delayed(Duration.ofSeconds(1), Responders.endless()));
    FakeGateway fast = gateway(Responders.serving(raw));

    FetchedModule module = fetcher(of(slow, fast), "hedge-delay", "50ms").fetch(raw.root());

    assertThat(module.gateway()).isEqualTo(fast.url());
    await().atMost(Duration.ofSeconds(5)).until(slow::clientWentAway);
    assertThat(slow.bytesWritten()).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void nextGatewayWaitsForTheHedgeDelay() throws Exception {
    FakeGateway first = gateway(Responders.serving(raw));
    FakeGateway second = gateway(Responders.serving(raw));

    FetchedModule module = fetcher(of(first, second), "hedge-delay", "5s").fetch(raw.root());

    assertThat(module.gateway()).isEqualTo(first.url());
    assertThat(second.requests()).isZero();
  }

  @Test
  void zeroHedgeDelayAsksAllAtOnce() throws Exception {
    FakeGateway slow = gateway(Responders.delayed(SLOW, Responders.serving(raw)));
    FakeGateway alsoSlow = gateway(Responders.delayed(SLOW, Responders.serving(raw)));
    FakeGateway fast = gateway(Responders.serving(raw));

    FetchedModule module = fetcher(of(slow, alsoSlow, fast), "hedge-delay", "0s").fetch(raw.root());

    assertThat(module.gateway()).isEqualTo(fast.url());
    assertThat(module.took()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void notFoundOnOneWhileAnotherHasIt() throws Exception {
    FakeGateway empty = gateway(Responders.status(404));
    FakeGateway honest = gateway(Responders.serving(raw));

    FetchedModule module = fetcher(of(empty, honest), "hedge-delay", "5s").fetch(raw.root());

    assertThat(module.gateway()).isEqualTo(honest.url());
    assertThat(module.took()).isLessThan(SLOW);
    assertThat(module.failuresBeforeSuccess()).singleElement().satisfies(f -> {
      assertThat(f.gateway()).isEqualTo(empty.url());
      assertThat(f.reason()).isEqualTo(FailureReason.NOT_FOUND);
    });
  }

  @Test
  void notFoundEverywhereIsNotRetried() throws Exception {
    FakeGateway one = gateway(Responders.status(404));
    FakeGateway two = gateway(Responders.status(410));

    assertThatThrownBy(() -> fetcher(of(one, two)).fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.cid()).isEqualTo(raw.root());
          assertThat(e.failures()).extracting(GatewayFailure::gateway, GatewayFailure::reason).containsExactly(
              org.assertj.core.groups.Tuple.tuple(one.url(), FailureReason.NOT_FOUND),
              org.assertj.core.groups.Tuple.tuple(two.url(), FailureReason.NOT_FOUND));
          assertThat(e.getMessage()).contains(one.url(), two.url(), raw.root().toString(), "not retryable");
        });
    assertThat(one.requests()).isEqualTo(1);
    assertThat(two.requests()).isEqualTo(1);
  }
}
