package io.wasmhive.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The contract on the embedded MongoDB stand-in (mongo-java-server, H2 on disk), through the real driver. */
class MongoModuleStoreIntegrationTests extends ModuleStoreContract {

  @TempDir
  static Path dataDir;

  static MongoServer server;
  static MongoClient client;
  static MongoModuleStore store;
  static MongoTemplate mongo;

  @BeforeAll
  static void start() {
    server = new MongoServer(new H2Backend(dataDir.resolve("modules.mv").toString()));
    server.bind("127.0.0.1", 0);
    java.net.InetSocketAddress address = server.getLocalAddress();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    mongo = new MongoTemplate(client, "wasmhive");
    store = new MongoModuleStore(mongo);
  }

  @AfterAll
  static void stop() {
    client.close();
    server.shutdownNow();
  }

  @Override
  ModuleStore store() {
    return store;
  }

  @Test
  void documentsOtherServicesWroteInTheSeedsShapeGetTheirCidsOnTheNextPut() throws Exception {
    byte[] wasm = module(700);
    String sha = ModuleAddresses.sha256(wasm);
    mongo.insert(new Document("hash", sha).append("bytes", new Binary(wasm)).append("storedAt", Instant.now()),
        MongoModuleStore.COLLECTION);
    assertThat(store.find(sha)).map(StoredModule::cidV0).isEmpty();
    assertThat(store.find(ModuleAddresses.of(wasm).cidV1().toString())).as("no reference yet").isEmpty();
    StoredModule updated = store.put(wasm, ModuleOrigin.of("indexer"));
    assertThat(updated.cidV0()).startsWith("Qm");
    assertThat(updated.size()).isEqualTo(wasm.length);
    assertThat(store.find(updated.cidV1())).isPresent();
    assertThat(mongo.getCollection(MongoModuleStore.COLLECTION).countDocuments(new Document("hash", sha)))
        .isEqualTo(1);
  }
}
