package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.ipfs.UnixFsImporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The size limit at and just past its edge, answers that never end, and the request timeout. */
class FetchLimitsTest extends FetchTestSupport {

  private final byte[] module = TestModules.synthetic(700 * 1024);
  private final TestModules.Dag raw = TestModules.rawBlock(module);
  private final TestModules.Dag car = TestModules.dag(module, UnixFsImporter.cidV0());

  @Test
  void rawBlockExactlyAtTheLimit() throws Exception {
    FakeGateway gateway = gateway(Responders.serving(raw));

    assertThat(fetcher(of(gateway), "max-module-size", module.length + "B").fetch(raw.root()).bytes())
        .isEqualTo(module);
  }

  @Test
  void rawBlockOneBytePastTheLimitIsRefusedFromItsContentLength() throws Exception {
    FakeGateway gateway = gateway(Responders.serving(raw));

    GatewayFailure failure = onlyFailure(fetcher(of(gateway), "max-module-size", (module.length - 1) + "B"), raw);

    assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
    assertThat(failure.message()).contains("Content-Length " + module.length);
    assertThat(failure.bytesRead()).isZero();
  }

  @Test
  void chunkedRawBlockAtAndPastTheLimit() throws Exception {
    FakeGateway gateway = gateway(Responders.bytes(module, false));
    assertThat(fetcher(of(gateway), "max-module-size", module.length + "B").fetch(raw.root()).bytes())
        .isEqualTo(module);

    GatewayFailure failure = onlyFailure(fetcher(of(gateway), "max-module-size", (module.length - 1) + "B"), raw);

    assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
    assertThat(failure.bytesRead()).isEqualTo(module.length);
  }

  @Test
  void carFileExactlyAtAndPastTheLimit() throws Exception {
    FakeGateway gateway = gateway(Responders.serving(car));
    assertThat(fetcher(of(gateway), "max-module-size", module.length + "B").fetch(car.root()).bytes())
        .isEqualTo(module);

    GatewayFailure failure = onlyFailure(fetcher(of(gateway), "max-module-size", (module.length - 1) + "B"), car);

    assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
  }

  @Test
  void endlessRawAnswerStopsAtTheLimit() throws Exception {
    FakeGateway gateway = gateway(Responders.endless());
    int limit = 1024 * 1024;

    GatewayFailure failure = onlyFailure(fetcher(of(gateway), "max-module-size", limit + "B"), raw);

    assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
    assertThat(failure.bytesRead()).isEqualTo(limit + 1);
    await().atMost(Duration.ofSeconds(5)).until(gateway::clientWentAway);
  }

  @Test
  void endlessCarStopsAtTheCarLimit() throws Exception {
    FakeGateway gateway = gateway(Responders.endlessCar(car.root()));
    int limit = 1024 * 1024;
    ModuleFetcher fetcher = fetcher(of(gateway), "max-module-size", limit + "B");

    GatewayFailure failure = onlyFailure(fetcher, car);

    long carLimit = Fetchers.properties(java.util.Map.of("max-module-size", limit + "B")).maxCarBytes();
    assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
    assertThat(failure.bytesRead()).isBetween(carLimit - 300 * 1024, carLimit + 16 * 1024);
    await().atMost(Duration.ofSeconds(5)).until(gateway::clientWentAway);
  }

  @Test
  void noHeadersWithinTheRequestTimeout() throws Exception {
    FakeGateway gateway = gateway(Responders.delayed(Duration.ofSeconds(5), Responders.serving(raw)));
    ModuleFetcher fetcher = fetcher(of(gateway), "request-timeout", "300ms", "retry.max-attempts", "1");
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetcher.fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.failures()).extracting(GatewayFailure::reason).containsExactly(FailureReason.TIMEOUT);
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void bodyStallingPastTheRequestTimeoutIsAborted() throws Exception {
    FakeGateway gateway = gateway(Responders.stallingBody(Duration.ofSeconds(5)));
    ModuleFetcher fetcher = fetcher(of(gateway), "request-timeout", "300ms", "retry.max-attempts", "1");

    GatewayFailure failure = onlyFailure(fetcher, raw);

    assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(failure.bytesRead()).isEqualTo(10);
    await().atMost(Duration.ofSeconds(2)).until(() -> idle(fetcher));
  }

  private static GatewayFailure onlyFailure(ModuleFetcher fetcher, TestModules.Dag dag) {
    try {
      fetcher.fetch(dag.root());
    } catch (ModuleFetchException e) {
      assertThat(e.failures()).hasSize(1);
      return e.failures().get(0);
    }
    throw new AssertionError("the fetch of " + dag.root() + " succeeded");
  }
}
