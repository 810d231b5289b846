package io.wasmhive.platform.embedded;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code mongo} health of a service on the embedded MongoDB. Boot's own indicator sends
 * {@code hello}, which mongo-java-server does not know, so this one sends {@code ping}.
 */
class EmbeddedMongoHealthIndicator extends AbstractHealthIndicator {

  private final MongoClient client;

  private final EmbeddedMongo mongo;

  private final String database;

  EmbeddedMongoHealthIndicator(MongoClient client, EmbeddedMongo mongo, String database) {
    super("Embedded MongoDB health check failed");
    this.client = client;
    this.mongo = mongo;
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = client.getDatabase(database).runCommand(MongoPing.PING);
    builder.up()
        .withDetail("server", "mongo-java-server (H2)")
        .withDetail("address", LocalPorts.HOST + ":" + mongo.port())
        .withDetail("owner", mongo.owned() ? "this process" : "another local service")
        .withDetail("database", database)
        .withDetail("ok", answer.get("ok"));
  }
}
