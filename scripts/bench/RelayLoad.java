import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for POST /intent/execute-wasm, run as its own process (`java scripts/bench/RelayLoad.java ...`).
 *
 * <pre>
 *   rate MODE:   RelayLoad URL CID USER rate RPS SECONDS      open loop at RPS requests/s; latency measured from
 *                                                              each request's scheduled send time (no coordinated
 *                                                              omission); the first 5 s warm this JVM's client up
 *                                                              and are not recorded
 *   max MODE:    RelayLoad URL CID USER max CONCURRENCY SECONDS closed loop with CONCURRENCY requests in flight
 * </pre>
 *
 * Every request has distinct inputs ([n, 1]) so none is answered from the idempotency cache. Prints achieved
 * throughput, status counts and latency percentiles (ms).
 */
public final class RelayLoad {

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: RelayLoad URL CID USER rate|max RPS|CONCURRENCY SECONDS");
      System.exit(2);
    }
    URI uri = URI.create(args[0]);
    String cid = args[1];
    String user = args[2];
    String mode = args[3];
    int level = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    Result result = mode.equals("rate") ? rate(client, uri, cid, user, level, seconds)
        : closed(client, uri, cid, user, level, seconds);
    result.print(mode + " " + level + " for " + seconds + " s");
    System.exit(0);
  }

  private static HttpRequest request(URI uri, String cid, String user) {
    long n = SEQUENCE.incrementAndGet();
    String body = "{\"cid\":\"" + cid + "\",\"inputs\":[" + (n % 1_000_000_000L) + ",1],"
        + "\"policy\":{\"max_memory\":1048576,\"max_gas\":1000000,\"max_time\":5000}}";
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    // "Bearer <API key>" authenticates (a relay in secure mode); anything else is the seed's user header.
    if (user.startsWith("Bearer ")) {
      request.header("Authorization", user);
    } else {
      request.header("user_id", user);
    }
    return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static final int WARM_UP_SECONDS = 5;

  private static Result rate(HttpClient client, URI uri, String cid, String user, int rps, int seconds)
      throws InterruptedException {
    int warmUp = rps * WARM_UP_SECONDS;
    int total = warmUp + rps * seconds;
    Result result = new Result(total);
    CountDownLatch done = new CountDownLatch(total);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long periodNanos = 1_000_000_000L / rps;
    long start = System.nanoTime();
    result.measuredFrom = java.time.Instant.now().plusSeconds(WARM_UP_SECONDS);
    AtomicInteger sent = new AtomicInteger();
    ticker.scheduleAtFixedRate(() -> {
      // Send every request whose scheduled time has come (catches up after a late tick).
      long now = System.nanoTime();
      while (sent.get() < total && start + sent.get() * periodNanos <= now) {
        int index = sent.getAndIncrement();
        long scheduled = start + index * periodNanos;
        client.sendAsync(request(uri, cid, user), HttpResponse.BodyHandlers.ofString())
            .whenComplete((response, failure) -> {
              if (index >= warmUp) {
                long latency = System.nanoTime() - scheduled;
                result.record(latency, response == null ? -1 : response.statusCode());
                result.slowest((index - warmUp) / rps, latency);
              }
              done.countDown();
            });
      }
    }, 0, Math.max(100_000, periodNanos / 2), TimeUnit.NANOSECONDS);
    done.await(WARM_UP_SECONDS + seconds + 60L, TimeUnit.SECONDS);
    ticker.shutdownNow();
    result.elapsedNanos = System.nanoTime() - start - WARM_UP_SECONDS * 1_000_000_000L;
    return result;
  }

  private static Result closed(HttpClient client, URI uri, String cid, String user, int concurrency, int seconds)
      throws InterruptedException {
    Result result = new Result(1 << 20);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      loop(client, uri, cid, user, result, end, done);
    }
    done.await(seconds + 60L, TimeUnit.SECONDS);
    result.elapsedNanos = System.nanoTime() - start;
    return result;
  }

  private static void loop(HttpClient client, URI uri, String cid, String user, Result result, long end,
      CountDownLatch done) {
    if (System.nanoTime() >= end) {
      done.countDown();
      return;
    }
    long began = System.nanoTime();
    client.sendAsync(request(uri, cid, user), HttpResponse.BodyHandlers.ofString())
        .whenComplete((response, failure) -> {
          result.record(System.nanoTime() - began, response == null ? -1 : response.statusCode());
          loop(client, uri, cid, user, result, end, done);
        });
  }

  private static final class Result {
    final long[] latencies;
    final AtomicInteger count = new AtomicInteger();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    /** The fixed-rate mode's slowest latency per second of scheduled send time, to place a stall in the run. */
    final Map<Integer, Long> slowestBySecond = new ConcurrentHashMap<>();
    long elapsedNanos;
    java.time.Instant measuredFrom;

    void slowest(int second, long nanos) {
      slowestBySecond.merge(second, nanos, Math::max);
    }

    Result(int capacity) {
      latencies = new long[capacity];
    }

    void record(long nanos, int status) {
      int i = count.getAndIncrement();
      if (i < latencies.length) {
        latencies[i] = nanos;
      }
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    void print(String label) {
      int n = Math.min(count.get(), latencies.length);
      long[] sorted = Arrays.copyOf(latencies, n);
      Arrays.sort(sorted);
      double seconds = elapsedNanos / 1e9;
      System.out.printf("%s: %d requests in %.2f s = %.1f req/s; statuses %s%n", label, n, seconds, n / seconds,
          new TreeMap<>(statuses));
      System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", pct(sorted, 50),
          pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), n == 0 ? 0 : sorted[n - 1] / 1e6);
      StringBuilder stalls = new StringBuilder();
      new TreeMap<>(slowestBySecond).forEach((second, nanos) -> {
        if (nanos > 50_000_000L) {
          stalls.append(String.format(" s%d:%.0fms", second, nanos / 1e6));
        }
      });
      if (!stalls.isEmpty()) {
        System.out.println("seconds of the phase (from " + measuredFrom + ") whose slowest request exceeded 50 ms:"
            + stalls);
      }
    }

    static double pct(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }
}
