package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.testing.IndexerApps;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import io.wasmhive.platform.testing.UnixFsDags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The reader pool recovers from hostile DAGs through the whole index path. Three times as many CIDs as the pool has
 * reader threads, each a CAR of about 170 KB whose shared children would take 4 million visits to walk, end
 * {@code failed} with {@code DAG_TOO_COMPLEX} after one fetch each; a benign CID asked for afterwards is pinned. A
 * fake gateway as a real HTTP server, real Redis, the embedded MongoDB stand-in.
 */
class HostileDagIndexIntegrationTests {

  private static final int READER_THREADS = 2;
  private static final int HOSTILE = 3 * READER_THREADS;

  @TempDir
  Path dataDir;

  @Test
  void hostileDagsFailWithDagTooComplexAndTheReadersServeTheNextCid() throws Exception {
    List<TestModules.Dag> hostile = IntStream.range(0, HOSTILE)
        .mapToObj(i -> TestModules.of(UnixFsDags.sharedFanOut(2000 + i, 2, new byte[0]))).toList();
    TestModules.Dag benign = TestModules.dag(TestModules.synthetic(600 * 1024), UnixFsImporter.cidV0());
    List<TestModules.Dag> served = new ArrayList<>(hostile);
    served.add(benign);
    try (FakeGateway gateway = FakeGateway.start(Responders.serving(served.toArray(TestModules.Dag[]::new)));
        ConfigurableApplicationContext indexer = IndexerApps.start(dataDir, "indexer.fetch.gateways=" + gateway.url(),
            "indexer.fetch.max-concurrent-requests=" + READER_THREADS)) {
      IndexerHttp http = new IndexerHttp(IndexerApps.port(indexer));
      hostile.forEach(dag -> assertThat(http.postJson("/index", body(dag)).status()).isEqualTo(202));

      await().atMost(Duration.ofSeconds(60))
          .until(() -> hostile.stream().allMatch(dag -> status(http, dag).equals("failed")));
      for (TestModules.Dag dag : hostile) {
        JsonNode job = http.get("/index/" + dag.root()).json();
        assertThat(job.get("attempts").asInt()).isEqualTo(1);
        assertThat(job.get("error").asString())
            .contains(dag.root().toString(), "DAG_TOO_COMPLEX", "more than 20488 repeat visits");
        assertThat(job.get("gateway_failures").toString()).contains("DAG_TOO_COMPLEX");
      }
      // At least once: a delivery reclaimed while its job ran answers again from the failed job (events.md).
      await().atMost(Duration.ofSeconds(10)).until(() -> hostile.stream()
          .allMatch(dag -> failedEvents(indexer, dag, "DAG_TOO_COMPLEX") >= 1));
      assertThat(gateway.requests()).isEqualTo(HOSTILE);

      assertThat(http.postJson("/index", body(benign)).status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> status(http, benign).equals("pinned"));
      assertThat(http.get("/modules/" + benign.root()).json().get("size").asInt()).isEqualTo(600 * 1024);
    }
  }

  private static String body(TestModules.Dag dag) {
    return "{\"cid\": \"" + dag.root() + "\"}";
  }

  private static String status(IndexerHttp http, TestModules.Dag dag) {
    IndexerHttp.Reply reply = http.get("/index/" + dag.root());
    return reply.status() == 200 ? reply.json().get("status").asString() : "http-" + reply.status();
  }

  /** The {@code module_index_failed} events naming the DAG's root whose payload mentions {@code text}. */
  private static long failedEvents(ConfigurableApplicationContext indexer, TestModules.Dag dag, String text) {
    var records = indexer.getBean(StringRedisTemplate.class).opsForStream()
        .range("module_index_failed", Range.unbounded());
    return records == null ? 0 : records.stream().map(r -> String.valueOf(r.getValue().get("payload")))
        .filter(payload -> payload.contains("\"" + dag.root() + "\"") && payload.contains(text)).count();
  }
}
