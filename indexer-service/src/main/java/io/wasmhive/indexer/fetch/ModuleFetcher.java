package io.wasmhive.indexer.fetch;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.platform.ipfs.Cid;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches WebAssembly modules by CID from the configured IPFS gateways, verified against the CID, hedged across
 * gateways and retried with backoff (see the package documentation). Thread-safe: any number of threads may fetch
 * at once. Waiting for a gateway's headers holds no thread; answers are read and verified on one bounded pool of
 * {@code max-concurrent-requests} threads shared by all fetches.
 */
public final class ModuleFetcher implements AutoCloseable {

  private final FetchContext context;
  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor httpThreads;
  private final Retry retry;

  /** A fetcher for {@code properties}, counting into {@code registry}. Starts no thread until the first fetch. */
  public ModuleFetcher(FetchProperties properties, MeterRegistry registry) {
    this.workers = FetchThreads.pool("reader", properties.maxConcurrentRequests());
    this.httpThreads = FetchThreads.pool("http", 2);
    this.context = new FetchContext(properties.gatewayList(), new GatewayClient(properties, httpThreads), workers,
        new AtomicInteger(), new FetchMetrics(registry), properties.hedgeDelay().toNanos(),
        properties.requestTimeout().toNanos());
    FetchProperties.Retry r = properties.retry();
    this.retry = Retry.of("ipfs-fetch", RetryConfig.custom()
        .maxAttempts(r.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(r.initialBackoff(), r.multiplier()))
        .retryOnException(e -> e instanceof ModuleFetchException m && m.retryable())
        .build());
  }

  /**
   * Fetches the module {@code cid} names: a raw CID as one block, a dag-pb CID as a CAR of its UnixFS DAG, every
   * block verified, at most {@code max-module-size} bytes, WebAssembly magic and version checked. Blocks the calling
   * thread until a gateway answered with verified bytes or every round failed. Thread-safe.
   *
   * @throws ModuleFetchException when no gateway is configured, or no round produced the module; it lists every
   *     gateway failure and says whether asking again later may succeed
   */
  public FetchedModule fetch(Cid cid) {
    Objects.requireNonNull(cid, "cid");
    if (context.gateways().isEmpty()) {
      throw ModuleFetchException.disabled(cid);
    }
    long start = System.nanoTime();
    FetchRun run = new FetchRun(context, cid);
    AtomicInteger attempts = new AtomicInteger();
    try {
      HedgedRound.Winner winner = retry.executeSupplier(
          () -> new HedgedRound(run, attempts.incrementAndGet()).await());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      context.metrics().fetch(took, true);
      return new FetchedModule(winner.module(), cid, winner.gateway().masked(), took, run.failures());
    } catch (ModuleFetchException e) {
      context.metrics().fetch(Duration.ofNanos(System.nanoTime() - start), false);
      throw e;
    }
  }

  /** Whether any gateway is configured; without one every fetch fails. */
  public boolean enabled() {
    return !context.gateways().isEmpty();
  }

  /** The configured gateways in the order they are asked, credentials masked. */
  public List<String> gateways() {
    return context.gateways().stream().map(Gateway::masked).toList();
  }

  /** Aborts the requests in progress and ends the fetcher's threads; later fetches fail. Does not wait. */
  @Override
  public void close() {
    workers.shutdownNow();
    httpThreads.shutdownNow();
  }

  /** Requests sent and not yet ended, for tests that check cancelled requests end. */
  int inFlightRequests() {
    return context.inFlight().get();
  }

  /** Answers being read now, on at most {@code max-concurrent-requests} threads. */
  int activeReaders() {
    return workers.getActiveCount();
  }
}
