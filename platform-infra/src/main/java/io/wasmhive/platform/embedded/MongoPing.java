package io.wasmhive.platform.embedded;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

/**
 * Whether a port speaks MongoDB. Uses {@code ping}, which both MongoDB and mongo-java-server
 * answer (the latter does not know {@code hello}).
 */
final class MongoPing {

  static final Document PING = new Document("ping", 1);

  private MongoPing() {
  }

  /** Whether a MongoDB server on the loopback port answers {@code ping}. Blocks up to 3 seconds. */
  static boolean answers(int port) {
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://" + LocalPorts.HOST + ":" + port))
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
        .applyToSocketSettings(socket -> socket.connectTimeout(1, TimeUnit.SECONDS)
            .readTimeout(3, TimeUnit.SECONDS))
        .build();
    try (MongoClient client = MongoClients.create(settings)) {
      client.getDatabase("admin").runCommand(PING);
      return true;
    } catch (MongoException notMongo) {
      return false;
    }
  }
}
