package io.wasmhive.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The stand-in's page cache is bounded by {@code wasmhive.embedded.mongo.cache-size}: MVStore takes the bound, keeps
 * to it while far more data than it is written and read back, and the setting is checked at its edges.
 */
class EmbeddedMongoCacheTest {

  @TempDir
  Path dir;

  @Test
  void thePageCacheKeepsToItsBoundWhileTheDataOutgrowsIt() {
    CommittingH2Backend backend = CommittingH2Backend.open(dir.resolve("cache.mv").toString(), 2);
    MongoServer server = new MongoServer(backend);
    server.bind(LocalPorts.HOST, 0);
    int port = server.getLocalAddress().getPort();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> runs = client.getDatabase("wasmhive").getCollection("runs");
      String output = "x".repeat(3_000);
      // About 12 MiB of documents (more than 2 MiB of cache by any measure), then each read back once.
      for (int i = 0; i < 4_000; i++) {
        runs.insertOne(new Document("_id", "run-" + i).append("state", "finished").append("output", output + i));
      }
      for (int i = 0; i < 4_000; i += 3) {
        assertThat(runs.find(new Document("_id", "run-" + i)).first()).containsEntry("output", output + i);
      }
      assertThat(runs.countDocuments()).isEqualTo(4_000);
      assertThat(backend.cacheSizeMib()).isEqualTo(2);
      assertThat(backend.cacheUsedMib()).isBetween(1, 2);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void theCacheSizeIsCheckedAtItsEdges() {
    assertThat(mongo(DataSize.ofMegabytes(1)).cacheSizeMib()).isEqualTo(1);
    assertThat(mongo(DataSize.ofGigabytes(1)).cacheSizeMib()).isEqualTo(1024);
    assertThat(mongo(DataSize.parse("4MB")).cacheSizeMib()).isEqualTo(4);
    for (DataSize wrong : new DataSize[] {DataSize.ofKilobytes(1023), DataSize.ofBytes(0),
        DataSize.ofMegabytes(1025), null}) {
      assertThatThrownBy(() -> mongo(wrong)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("wasmhive.embedded.mongo.cache-size must be between 1MB and 1GB");
    }
  }

  private static EmbeddedStoresProperties.Mongo mongo(DataSize cacheSize) {
    return new EmbeddedStoresProperties.Mongo(0, "wasmhive", cacheSize);
  }
}
