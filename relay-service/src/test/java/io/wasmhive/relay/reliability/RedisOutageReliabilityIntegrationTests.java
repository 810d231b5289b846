package io.wasmhive.relay.reliability;

import static io.wasmhive.relay.testing.Relays.payloads;
import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.RedisTestServer;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import io.wasmhive.relay.testing.RelayHttp.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped for a while and started again (with its append-only file, as a production Redis would be): the
 * relay answers a clear 503 meanwhile, reports itself degraded, recovers by itself, and every request it had
 * accepted completes exactly once.
 */
class RedisOutageReliabilityIntegrationTests {

  @TempDir
  Path dir;

  @Test
  void aRedisOutageGives503sThenRecoversWithoutLosingAcceptedRequests() throws Exception {
    try (RedisTestServer redis = RedisTestServer.startPersistent(dir.resolve("redis"));
        ConfigurableApplicationContext app = RelayApps.start(dir.resolve("relay"),
            "spring.data.redis.url=redis://127.0.0.1:" + redis.port(),
            "spring.data.redis.timeout=2s",
            "relay.rate-limit.overrides.load=100000",
            "relay.rate-limit.recovery-interval=1s",
            "relay.idempotency.recovery-interval=1s",
            "relay.executor.consumers=1",
            "relay.executor.reclaim-idle=2s",
            "wasmhive.events.consumer-name=relay")) {
      RelayHttp http = new RelayHttp(((WebServerApplicationContext) app).getWebServer().getPort());
      StoredModule loop = store(app, "wat-loop-sum.wasm");
      StoredModule add = store(app, "wat-add.wasm");
      assertThat(http.execute("load", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[1,2]}").status()).isEqualTo(200);

      // Accepted work queued behind one consumer when Redis goes away.
      Map<String, Long> accepted = new HashMap<>();
      for (int i = 0; i < 6; i++) {
        long n = 300_000_000L + i;
        Reply reply = http.execute("load", "{\"cid\":\"" + loop.cidV1() + "\",\"inputs\":[" + n + "],"
            + "\"policy\":{\"max_gas\":10000000000,\"max_time\":3000},\"mode\":\"async\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        accepted.put(reply.json().get("request_id").asString(), n * (n + 1) / 2);
      }
      long finishedBeforeOutage = outcomes(app).keySet().stream().filter(accepted::containsKey).count();
      redis.stop();
      assertThat(finishedBeforeOutage).as("accepted requests still queued when Redis stops")
          .isLessThan(accepted.size());

      long started = System.nanoTime();
      Reply during = http.execute("load", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[3,4]}");
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(during.status()).as(during.toString()).isEqualTo(503);
      assertThat(during.json().at("/error/code").asString()).isEqualTo("UNAVAILABLE");
      assertThat(tookMillis).as("a 503 within seconds, not a hang").isLessThan(15_000);
      JsonNode health = http.get("/intent/execute-wasm/health", null).json();
      assertThat(health.get("status").asString()).isEqualTo("degraded");
      assertThat(health.at("/features/tmpbus_events").asBoolean()).isFalse();
      assertThat(http.get("/livez", null).status()).isEqualTo(200);

      Thread.sleep(3_000);
      redis.startAgain();

      // Recovers by itself: new requests run, health is healthy again.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
          http.execute("load", "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[5,6]}").status() == 200);
      await().atMost(Duration.ofSeconds(30)).until(() ->
          http.get("/intent/execute-wasm/health", null).json().get("status").asString().equals("healthy"));

      // No accepted request is lost, none runs twice.
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
          outcomes(app).keySet().containsAll(accepted.keySet()));
      Map<String, Long> outcomes = outcomes(app);
      Map<String, JsonNode> last = payloads(app, "wasm_exec_completed").stream()
          .collect(Collectors.toMap(p -> p.get("request_id").asString(), p -> p, (x, y) -> y));
      accepted.forEach((id, sum) -> {
        assertThat(outcomes.get(id)).as("outcomes of " + id).isEqualTo(1L);
        assertThat(last.get(id).get("output").asLong()).as(last.get(id).toString()).isEqualTo(sum);
      });
    }
  }

  private static Map<String, Long> outcomes(ConfigurableApplicationContext app) {
    return payloads(app, "wasm_exec_completed").stream()
        .collect(Collectors.groupingBy(p -> p.get("request_id").asString(), Collectors.counting()));
  }
}
