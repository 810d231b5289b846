package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The fetcher's threads: bounded, freed by cancelled requests, all gone after close. */
class FetcherThreadsTest extends FetchTestSupport {

  private final TestModules.Dag raw = TestModules.rawBlock(TestModules.guest("c-add.wasm"));

  @Test
  void concurrentHedgedFetchesLeaveNoThreadBehind() throws Exception {
    FakeGateway slow = gateway(Responders.delayed(Duration.ofSeconds(5), Responders.serving(raw)));
    FakeGateway fast = gateway(Responders.serving(raw));
    ModuleFetcher fetcher = fetcher(of(slow, fast), "hedge-delay", "20ms", "max-concurrent-requests", "4");
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<FetchedModule>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      results.add(callers.submit(() -> fetcher.fetch(raw.root())));
    }

    for (Future<FetchedModule> result : results) {
      assertThat(result.get().gateway()).isEqualTo(fast.url());
    }
    callers.shutdown();

    assertThat(threads("indexer-fetch-reader-")).isLessThanOrEqualTo(4);
    assertThat(requests(slow, "cancelled")).isEqualTo(40);
    await().atMost(Duration.ofSeconds(2)).until(() -> idle(fetcher));
    fetcher.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> threads(FetchThreads.PREFIX) == 0);
  }

  @Test
  void fetchAfterCloseFailsClearly() throws Exception {
    ModuleFetcher fetcher = fetcher(of(gateway(Responders.serving(raw))));
    fetcher.close();

    assertThatThrownBy(() -> fetcher.fetch(raw.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("closed");
        });
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
  }
}
