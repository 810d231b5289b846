package io.wasmhive.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.testing.IndexerApps;
import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.contract.ModuleIndexRequested;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A restart in the middle of work loses nothing: an index request that a consumer read and then died with (its
 * entry pending, its job pinning under a lease) is taken over by the indexer that starts next on the same
 * stores, once the entry has been idle and the lease has run out.
 */
class IndexRestartIntegrationTests {

  @TempDir
  Path dataDir;

  @Test
  void aRequestPendingWithADeadConsumerIsPickedUpAfterARestart() {
    try (ConfigurableApplicationContext gateway = IndexerApps.start(dataDir.resolve("gateway"))) {
      byte[] wasm = IndexerHttp.moduleOfSize(12_000);
      String cid = new IndexerHttp(IndexerApps.port(gateway)).postBytes("/modules", wasm).json().get("cid_v1")
          .asString();
      String gatewayProperty = "indexer.fetch.gateways=" + IndexerApps.url(gateway);

      try (ConfigurableApplicationContext first = IndexerApps.start(dataDir.resolve("indexer"), gatewayProperty,
          "indexer.index.consume=false")) {
        assertThat(new IndexerHttp(IndexerApps.port(first)).postJson("/index", "{\"cid\": \"" + cid + "\"}").status())
            .isEqualTo(202);
        dieWhileWorkingOn(first, cid);
      }

      try (ConfigurableApplicationContext second = IndexerApps.start(dataDir.resolve("indexer"), gatewayProperty)) {
        IndexerHttp http = new IndexerHttp(IndexerApps.port(second));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> http.get("/modules/" + cid).json().get("status").asString().equals("pinned"));
        assertThat(http.get("/index/" + cid).json().get("attempts").asInt()).isEqualTo(2);
      }
    }
  }

  /** What a consumer that crashed mid-fetch leaves: the entry read but not acknowledged, the job leased. */
  private static void dieWhileWorkingOn(ConfigurableApplicationContext app, String cid) {
    StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
    String stream = EventTypes.wireName(ModuleIndexRequested.class);
    redis.opsForStream().createGroup(stream, ReadOffset.from("0"), "indexer");
    List<MapRecord<String, Object, Object>> read = redis.opsForStream().read(Consumer.from("indexer", "crashed"),
        StreamOffset.create(stream, ReadOffset.lastConsumed()));
    assertThat(read).hasSize(1);
    assertThat(redis.opsForStream().pending(stream, "indexer").getTotalPendingMessages()).isEqualTo(1);
    app.getBean(MongoTemplate.class).getCollection(MongoIndexJobStore.COLLECTION).updateOne(
        new Document("cid", cid), new Document("$set", new Document("status", "pinning").append("attempts", 1)
            .append("lease_until", Instant.now().plusSeconds(2))));
  }
}
