package io.wasmhive.relay.reliability;

import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import io.wasmhive.relay.testing.RelayHttp.Reply;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hostile modules (an infinite loop stopped by its time limit, a memory bomb stopped by its memory limit)
 * arriving together with benign traffic: the benign requests' p99 stays within 2x of its value without them.
 */
class HostileNeighboursIntegrationTests {

  private static final int SAMPLES = 300;

  @TempDir
  Path dir;

  @Test
  void benignP99StaysWithinTwiceItsValueWhileHostileModulesRun() throws Exception {
    try (ConfigurableApplicationContext app = RelayApps.start(dir,
        "relay.rate-limit.overrides.benign=100000", "relay.rate-limit.overrides.hostile=100000",
        "relay.executor.consumers=4", "WASM_INITIAL_WORKERS=4", "WASM_MAX_WORKERS=4")) {
      RelayHttp http = new RelayHttp(((WebServerApplicationContext) app).getWebServer().getPort());
      StoredModule add = store(app, "wat-add.wasm");
      StoredModule loop = store(app, "hostile-infinite-loop.wasm");
      StoredModule bomb = store(app, "hostile-memory-bomb.wasm");
      AtomicInteger sequence = new AtomicInteger();
      measure(http, add, sequence, 200); // warm-up
      double baseline = measure(http, add, sequence, SAMPLES);

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger hostileAnswers = new AtomicInteger();
      Thread[] attackers = new Thread[2];
      for (int t = 0; t < attackers.length; t++) {
        StoredModule module = t == 0 ? loop : bomb;
        attackers[t] = new Thread(() -> {
          while (running.get()) {
            Reply reply = http.execute("hostile", "{\"cid\":\"" + module.cidV1() + "\",\"inputs\":{\"n\":"
                + sequence.incrementAndGet() + "},\"policy\":{\"max_memory\":16777216,\"max_gas\":10000000000,"
                + "\"max_time\":1000}}");
            if (reply.status() == 422) {
              hostileAnswers.incrementAndGet();
            }
          }
        }, "attacker-" + t);
        attackers[t].start();
      }
      double underAttack;
      try {
        Thread.sleep(1_500);
        underAttack = measure(http, add, sequence, SAMPLES);
      } finally {
        running.set(false);
        for (Thread attacker : attackers) {
          attacker.join(30_000);
        }
      }
      System.out.printf("benign p99: %.2f ms alone, %.2f ms with hostile modules (%d hostile executions)%n",
          baseline, underAttack, hostileAnswers.get());
      assertThat(hostileAnswers.get()).as("hostile modules ran and were stopped").isGreaterThan(2);
      assertThat(underAttack).as("benign p99 with hostile neighbours vs alone (%.2f ms)", baseline)
          .isLessThanOrEqualTo(2 * baseline);
    }
  }

  /** Sends {@code count} benign requests one after the other; returns their p99 in milliseconds. */
  private static double measure(RelayHttp http, StoredModule add, AtomicInteger sequence, int count) {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      int n = sequence.incrementAndGet();
      long start = System.nanoTime();
      Reply reply = http.execute("benign", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[" + n + ",1]}");
      nanos[i] = System.nanoTime() - start;
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      assertThat(reply.json().get("output").asInt()).isEqualTo(n + 1);
    }
    Arrays.sort(nanos);
    return nanos[(int) Math.ceil(0.99 * count) - 1] / 1e6;
  }
}
