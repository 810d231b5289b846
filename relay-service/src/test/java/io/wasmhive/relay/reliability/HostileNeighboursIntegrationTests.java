package io.wasmhive.relay.reliability;

import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.ServiceApps;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import io.wasmhive.relay.testing.RelayHttp.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Hostile modules next to benign traffic, as a functional check: an infinite loop is stopped by its time limit, a
 * memory bomb is held to its memory cap (growth is refused) and then stopped by its time limit too, the hostile
 * user's second execution is refused while its one slot is taken
 * (the per-user concurrency limit, here 1), and benign requests are answered meanwhile. How much the hostile
 * traffic costs benign latency is a benchmark, not a test: {@code scripts/bench-hostile.sh} and
 * {@code docs/benchmarks.md}.
 */
class HostileNeighboursIntegrationTests {

  private static final String POLICY = "\"policy\":{\"max_memory\":16777216,\"max_gas\":10000000000,"
      + "\"max_time\":2000}";

  @TempDir
  Path dir;

  @Test
  void hostileModulesAreStoppedAndHeldToOneSlotWhileBenignRequestsAreAnswered() throws Exception {
    try (ConfigurableApplicationContext app = RelayApps.start(dir,
        "relay.rate-limit.overrides.benign=100000", "relay.rate-limit.overrides.hostile=100000",
        "relay.executor.consumers=4", "WASM_INITIAL_WORKERS=4", "WASM_MAX_WORKERS=4",
        "relay.concurrency.per-user=1")) {
      RelayHttp http = new RelayHttp(ServiceApps.port(app));
      StoredModule add = store(app, "wat-add.wasm");
      StoredModule loop = store(app, "hostile-infinite-loop.wasm");
      StoredModule bomb = store(app, "hostile-memory-bomb.wasm");
      StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);

      CompletableFuture<Reply> looping = CompletableFuture.supplyAsync(() -> http.execute("hostile",
          "{\"cid\":\"" + loop.cidV1() + "\",\"inputs\":{\"n\":1}," + POLICY + "}"));
      await().atMost(Duration.ofSeconds(20)).until(() -> slotsTaken(redis, "hostile") == 1);

      Reply refused = http.execute("hostile", "{\"cid\":\"" + bomb.cidV1() + "\",\"inputs\":{\"n\":2}," + POLICY + "}");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
      assertThat(refused.json().get("error").get("code").asString()).isEqualTo("CONCURRENCY_LIMITED");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      for (int n = 0; n < 20; n++) {
        Reply benign = http.execute("benign", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[" + n + ",1]}");
        assertThat(benign.status()).as(benign.toString()).isEqualTo(200);
        assertThat(benign.json().get("output").asInt()).isEqualTo(n + 1);
      }

      Reply stopped = looping.get(30, TimeUnit.SECONDS);
      assertThat(stopped.status()).as(stopped.toString()).isEqualTo(422);
      assertThat(stopped.json().get("error").get("code").asString()).isEqualTo("TIMEOUT");
      await().atMost(Duration.ofSeconds(10)).until(() -> slotsTaken(redis, "hostile") == 0);
      Reply bombed = http.execute("hostile", "{\"cid\":\"" + bomb.cidV1() + "\",\"inputs\":{\"n\":3}," + POLICY + "}");
      assertThat(bombed.status()).as(bombed.toString()).isEqualTo(422);
      assertThat(bombed.json().get("error").get("code").asString()).isEqualTo("TIMEOUT");
      Reply after = http.execute("benign", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[41,1]}");
      assertThat(after.json().get("output").asInt()).isEqualTo(42);
    }
  }

  /** The user's queued or running executions, as the concurrency limit counts them across instances. */
  private static long slotsTaken(StringRedisTemplate redis, String user) {
    Long taken = redis.opsForZSet().zCard("relay:run:" + user);
    return taken == null ? 0 : taken;
  }
}
