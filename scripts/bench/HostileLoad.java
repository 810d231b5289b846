import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the hostile-neighbours benchmark, run as its own process
 * (`java scripts/bench/HostileLoad.java URL ADD_CID LOOP_CID BOMB_CID ROUNDS SAMPLES`).
 *
 * <p>Sequential benign requests (wat-add, user "benign") in alternating rounds: alone, then while a hostile user
 * ("hostile") keeps an infinite loop and a memory bomb in flight (max_time 1 s each, 16 MiB), honouring
 * Retry-After when the per-user concurrency limit refuses it. Alternating rounds let the machine's own drift (other
 * processes, JIT, GC) weigh on both sides alike; each side's percentiles are taken over all its rounds. Prints p50,
 * p90, p99 and max of both sides (ms), their p99 ratio, and the hostile executions answered and refused.
 */
public final class HostileLoad {

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: HostileLoad URL ADD_CID LOOP_CID BOMB_CID ROUNDS SAMPLES");
      System.exit(2);
    }
    URI uri = URI.create(args[0]);
    String add = args[1];
    int rounds = Integer.parseInt(args[4]);
    int samples = Integer.parseInt(args[5]);
    benign(uri, add, 200);  // warm-up, not reported
    AtomicBoolean attacking = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Thread> attackers = new ArrayList<>();
    for (String cid : new String[] {args[2], args[3]}) {
      Thread attacker = new Thread(() -> attack(uri, cid, attacking, running, answered, refused));
      attacker.start();
      attackers.add(attacker);
    }
    List<Long> alone = new ArrayList<>();
    List<Long> withHostile = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      attacking.set(false);
      Thread.sleep(1_500);  // hostile executions in flight end within their 1 s limit
      alone.addAll(benign(uri, add, samples));
      attacking.set(true);
      Thread.sleep(1_000);
      withHostile.addAll(benign(uri, add, samples));
    }
    running.set(false);
    for (Thread attacker : attackers) {
      attacker.join(30_000);
    }
    print("benign alone", alone);
    print("benign with hostile modules", withHostile);
    System.out.printf("p99 ratio (with / alone): %.2f; hostile executions answered 422: %d, refused 429: %d%n",
        pct(withHostile, 99) / pct(alone, 99), answered.get(), refused.get());
    System.exit(0);
  }

  private static void attack(URI uri, String cid, AtomicBoolean attacking, AtomicBoolean running,
      AtomicInteger answered, AtomicInteger refused) {
    while (running.get()) {
      if (!attacking.get()) {
        pause(5);
        continue;
      }
      HttpResponse<String> response = send(uri, "hostile", "{\"cid\":\"" + cid + "\",\"inputs\":{\"n\":"
          + SEQUENCE.incrementAndGet() + "},\"policy\":{\"max_memory\":16777216,\"max_gas\":10000000000,"
          + "\"max_time\":1000}}");
      if (response.statusCode() == 422) {
        answered.incrementAndGet();
      } else if (response.statusCode() == 429) {
        refused.incrementAndGet();
        pause(1_000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
      }
    }
  }

  /** Sends {@code count} benign requests one after the other; returns their latencies in nanoseconds. */
  private static List<Long> benign(URI uri, String cid, int count) {
    List<Long> nanos = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = SEQUENCE.incrementAndGet();
      long start = System.nanoTime();
      HttpResponse<String> response = send(uri, "benign", "{\"cid\":\"" + cid + "\",\"inputs\":[" + n + ",1]}");
      nanos.add(System.nanoTime() - start);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("a benign request failed: " + response.statusCode() + " " + response.body());
      }
    }
    return nanos;
  }

  private static HttpResponse<String> send(URI uri, String user, String body) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("user_id", user)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void print(String label, List<Long> nanos) {
    System.out.printf("%s (%d requests), ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", label, nanos.size(),
        pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), pct(nanos, 100));
  }

  private static double pct(List<Long> nanos, double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
