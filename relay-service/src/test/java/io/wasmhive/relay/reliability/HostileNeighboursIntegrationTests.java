package io.wasmhive.relay.reliability;

import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import io.wasmhive.relay.testing.RelayHttp.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hostile modules (an infinite loop stopped by its time limit, a memory bomb stopped by its memory limit)
 * arriving together with benign traffic: the benign requests' p99 stays within 2x of its value without them. The
 * hostile user sends two at a time; the per-user concurrency limit (here 1, for two cores) runs one, refuses the
 * other with 429, and time and memory limits end each one.
 */
class HostileNeighboursIntegrationTests {

  private static final int ROUNDS = 4;
  private static final int SAMPLES_PER_ROUND = 250;

  @TempDir
  Path dir;

  @Test
  void benignP99StaysWithinTwiceItsValueWhileHostileModulesRun() throws Exception {
    try (ConfigurableApplicationContext app = RelayApps.start(dir,
        "relay.rate-limit.overrides.benign=100000", "relay.rate-limit.overrides.hostile=100000",
        "relay.executor.consumers=4", "WASM_INITIAL_WORKERS=4", "WASM_MAX_WORKERS=4",
        // One execution at a time per user: on two cores a hostile user then burns at most one of them.
        "relay.concurrency.per-user=1")) {
      RelayHttp http = new RelayHttp(((WebServerApplicationContext) app).getWebServer().getPort());
      StoredModule add = store(app, "wat-add.wasm");
      StoredModule loop = store(app, "hostile-infinite-loop.wasm");
      StoredModule bomb = store(app, "hostile-memory-bomb.wasm");
      AtomicInteger sequence = new AtomicInteger();
      measure(http, add, sequence, 200); // warm-up
      // Alone and with hostile neighbours in alternating rounds, so that the machine's own drift (other
      // processes, JIT, GC) weighs on both sides alike; the p99 of each side is taken over all its rounds.
      AtomicBoolean attacking = new AtomicBoolean(false);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger hostileAnswers = new AtomicInteger();
      AtomicInteger limited = new AtomicInteger();
      Thread[] attackers = new Thread[2];
      for (int t = 0; t < attackers.length; t++) {
        StoredModule module = t == 0 ? loop : bomb;
        attackers[t] = new Thread(() -> {
          while (running.get()) {
            if (!attacking.get()) {
              sleepQuietly(5);
              continue;
            }
            Reply reply = http.execute("hostile", "{\"cid\":\"" + module.cidV1() + "\",\"inputs\":{\"n\":"
                + sequence.incrementAndGet() + "},\"policy\":{\"max_memory\":16777216,\"max_gas\":10000000000,"
                + "\"max_time\":1000}}");
            if (reply.status() == 422) {
              hostileAnswers.incrementAndGet();
            } else if (reply.status() == 429) {
              // A client that honours Retry-After: the modules are hostile, not the HTTP client.
              limited.incrementAndGet();
              sleepQuietly(1_000L * Long.parseLong(reply.headers().firstValue("Retry-After").orElse("1")));
            }
          }
        }, "attacker-" + t);
        attackers[t].start();
      }
      List<Long> alone = new ArrayList<>();
      List<Long> withHostile = new ArrayList<>();
      try {
        for (int round = 0; round < ROUNDS; round++) {
          attacking.set(false);
          Thread.sleep(1_500); // hostile executions in flight end within their 1 s limit
          alone.addAll(samples(http, add, sequence, SAMPLES_PER_ROUND));
          attacking.set(true);
          Thread.sleep(1_000);
          withHostile.addAll(samples(http, add, sequence, SAMPLES_PER_ROUND));
        }
      } finally {
        running.set(false);
        for (Thread attacker : attackers) {
          attacker.join(30_000);
        }
      }
      double baseline = p99(alone);
      double underAttack = p99(withHostile);
      System.out.printf("benign p99: %.2f ms alone, %.2f ms with hostile modules (%d hostile executions, %d refused"
          + " by the per-user concurrency limit)%n", baseline, underAttack, hostileAnswers.get(), limited.get());
      assertThat(hostileAnswers.get()).as("hostile modules ran and were stopped").isGreaterThan(2);
      assertThat(limited.get()).as("the second hostile client was held to the user's one slot").isPositive();
      assertThat(underAttack).as("benign p99 with hostile neighbours vs alone (%.2f ms)", baseline)
          .isLessThanOrEqualTo(2 * baseline);
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double p99(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6;
  }

  private static void measure(RelayHttp http, StoredModule add, AtomicInteger sequence, int count) {
    samples(http, add, sequence, count);
  }

  /** Sends {@code count} benign requests one after the other; returns their latencies in nanoseconds. */
  private static List<Long> samples(RelayHttp http, StoredModule add, AtomicInteger sequence, int count) {
    List<Long> nanos = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = sequence.incrementAndGet();
      long start = System.nanoTime();
      Reply reply = http.execute("benign", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[" + n + ",1]}");
      nanos.add(System.nanoTime() - start);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      assertThat(reply.json().get("output").asInt()).isEqualTo(n + 1);
    }
    return nanos;
  }
}
