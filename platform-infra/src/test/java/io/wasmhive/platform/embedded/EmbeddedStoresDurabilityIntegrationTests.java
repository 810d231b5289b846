package io.wasmhive.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.MongoModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.security.ApiKey;
import io.wasmhive.platform.security.MongoApiKeyStore;
import io.wasmhive.platform.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.domain.Range;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What a local run stores survives a kill -9 of every process, the embedded Redis's included, and
 * a restart on the same data directory; the clients that were connected before reconnect by
 * themselves. Services are {@link StoreHostApplication}s in child JVMs on ports chosen free at run
 * time; the test writes through the real MongoDB driver, Spring Data and Lettuce, as the services do,
 * and kills right after the last acknowledgement (well within MVStore's one-second background commit).
 */
class EmbeddedStoresDurabilityIntegrationTests {

  private static final byte[] EMPTY_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

  @TempDir
  Path dataDir;

  @Test
  void everyAcknowledgedWriteSurvivesAKill9OfEveryProcessAndARestartOnTheSameDirectory() throws Exception {
    StoreHosts hosts = new StoreHosts(dataDir);
    ServiceProcess relay = hosts.start();
    ServiceProcess joiner = hosts.start();
    assertThat(joiner.lastOutput()).contains("Joining the embedded MongoDB", "Joining the embedded Redis");
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + hosts.mongoPort());
        Redis redis = new Redis(hosts.redisPort())) {
      MongoTemplate mongo = new MongoTemplate(client, "wasmhive");
      MongoModuleStore modules = new MongoModuleStore(mongo);
      MongoApiKeyStore keys = new MongoApiKeyStore(mongo, "api_keys");
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

      // Redis first, the MongoDB writes last: the kill follows their acknowledgements within milliseconds.
      redis.template.opsForStream().createGroup("wasmhive:executions", ReadOffset.from("0"), "relay");
      redis.template.opsForStream().add(MapRecord.create("wasmhive:executions", Map.of("cid", "bafy-pending")));
      redis.template.opsForStream().read(Consumer.from("relay", "relay-1"),
          StreamOffset.create("wasmhive:executions", ReadOffset.lastConsumed()));
      redis.template.opsForValue().set("idempotency:key-1", "202:run-1");
      StoredModule module = modules.put(EMPTY_MODULE, new ModuleOrigin("upload", null, Set.of("empty"), Set.of()));
      keys.insert(new ApiKey("key-1", "hash-1", "alice", "acme", Set.of("admin"), now, null));
      mongo.insert(new Document("_id", "acme/echo").append("module", module.sha256()), "procedures");
      mongo.insert(new Document("_id", "echo").append("cid", module.cidV1()), "module_names");
      mongo.insert(new Document("_id", "run-1").append("status", "RUNNING"), "workflow_runs");
      mongo.insert(new Document("_id", "game").append("head", 2), "derivations");
      mongo.insert(List.of(new Document("_id", "game/1").append("body", "a"),
          new Document("_id", "game/2").append("body", "b")), "derivation_messages");
      mongo.insert(new Document("_id", "game/2").append("state", "s2"), "derivation_snapshots");

      ProcessHandle redisServer = hosts.redisServer();
      redisServer.destroyForcibly();
      relay.kill9();
      joiner.kill9();
      assertThat(StoreHosts.exits(redisServer, Duration.ofSeconds(5))).isTrue();

      ServiceProcess restarted = hosts.start();
      ServiceProcess rejoined = hosts.start();
      try (restarted; rejoined) {
        assertThat(restarted.lastOutput()).contains("Started the embedded MongoDB", "Started the embedded Redis");
        assertThat(rejoined.lastOutput()).contains("Joining the embedded MongoDB", "Joining the embedded Redis");
        // The clients of before the kill, as a joiner's are, reconnect without being told.
        assertThat(modules.find("empty")).map(StoredModule::sha256).contains(module.sha256());
        assertThat(modules.find(module.cidV1())).isPresent();
        assertThat(keys.find("key-1")).map(ApiKey::principal).contains("alice");
        assertThat(mongo.findById("acme/echo", Document.class, "procedures")).containsEntry("module", module.sha256());
        assertThat(mongo.findById("echo", Document.class, "module_names")).containsEntry("cid", module.cidV1());
        assertThat(mongo.findById("run-1", Document.class, "workflow_runs")).containsEntry("status", "RUNNING");
        assertThat(mongo.findById("game", Document.class, "derivations")).containsEntry("head", 2);
        assertThat(mongo.findAll(Document.class, "derivation_messages")).hasSize(2);
        assertThat(mongo.findById("game/2", Document.class, "derivation_snapshots")).containsEntry("state", "s2");

        assertThat(redis.template.opsForValue().get("idempotency:key-1")).isEqualTo("202:run-1");
        assertThat(redis.template.opsForStream().size("wasmhive:executions")).isEqualTo(1);
        assertThat(redis.template.opsForStream().pending("wasmhive:executions", "relay", Range.unbounded(), 10))
            .singleElement().satisfies(pending -> assertThat(pending.getConsumerName()).isEqualTo("relay-1"));
      }
    }
  }

  /** A Lettuce connection with a string template, closed with the test. */
  private static final class Redis implements AutoCloseable {

    private final LettuceConnectionFactory factory;

    private final StringRedisTemplate template;

    Redis(int port) {
      factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
      factory.afterPropertiesSet();
      factory.start();
      template = new StringRedisTemplate(factory);
    }

    @Override
    public void close() {
      factory.destroy();
    }
  }
}
