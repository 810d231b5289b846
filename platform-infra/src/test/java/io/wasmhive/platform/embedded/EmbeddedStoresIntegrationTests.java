package io.wasmhive.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A minimal Spring application on the embedded stores, with real MongoDB and Redis clients. */
class EmbeddedStoresIntegrationTests {

  @TempDir
  Path dataDir;

  @Test
  void startsBothStoresOnEphemeralPortsAndServesRealClients() {
    try (ConfigurableApplicationContext context = start(dataDir, 0, 0)) {
      EmbeddedMongo mongo = context.getBean(EmbeddedMongo.class);
      EmbeddedRedis redis = context.getBean(EmbeddedRedis.class);
      assertThat(mongo.owned()).isTrue();
      assertThat(redis.owned()).isTrue();
      assertThat(mongo.port()).isNotEqualTo(27018);
      assertThat(redis.port()).isNotEqualTo(6380);

      MongoTemplate mongoTemplate = context.getBean(MongoTemplate.class);
      mongoTemplate.insert(new Document("_id", "m1").append("name", "echo"), "wasm_modules");
      assertThat(mongoTemplate.findById("m1", Document.class, "wasm_modules"))
          .containsEntry("name", "echo");
      assertThat(mongoTemplate.getDb().getName()).isEqualTo("wasmhive");

      StringRedisTemplate redisTemplate = context.getBean(StringRedisTemplate.class);
      redisTemplate.opsForValue().set("greeting", "hello");
      assertThat(redisTemplate.opsForValue().get("greeting")).isEqualTo("hello");

      HealthIndicator mongoHealth = context.getBean("mongoHealthIndicator", HealthIndicator.class);
      assertThat(mongoHealth.health().getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void keepsMongoDocumentsInTheH2FileAcrossARestart() {
    try (ConfigurableApplicationContext context = start(dataDir, 0, 0)) {
      context.getBean(MongoTemplate.class)
          .insert(new Document("_id", "kept").append("cid", "bafy-1"), "wasm_modules");
    }
    assertThat(dataDir.resolve("mongodb").resolve("wasmhive.mv")).isRegularFile();

    try (ConfigurableApplicationContext context = start(dataDir, 0, 0)) {
      assertThat(context.getBean(MongoTemplate.class).findById("kept", Document.class, "wasm_modules"))
          .containsEntry("cid", "bafy-1");
    }
  }

  @Test
  void aSecondServiceOnTheSameFixedPortsJoinsTheFirstServersInsteadOfStartingItsOwn(
      @TempDir Path otherDataDir) {
    int mongoPort = LocalPorts.freePort();
    int redisPort = LocalPorts.freePort();
    try (ConfigurableApplicationContext first = start(dataDir, mongoPort, redisPort)) {
      first.getBean(MongoTemplate.class).insert(new Document("_id", "shared"), "procedures");
      first.getBean(StringRedisTemplate.class).opsForValue().set("shared", "yes");

      try (ConfigurableApplicationContext second = start(otherDataDir, mongoPort, redisPort)) {
        assertThat(second.getBean(EmbeddedMongo.class).owned()).isFalse();
        assertThat(second.getBean(EmbeddedRedis.class).owned()).isFalse();
        assertThat(second.getBean(MongoTemplate.class).findById("shared", Document.class, "procedures"))
            .isNotNull();
        assertThat(second.getBean(StringRedisTemplate.class).opsForValue().get("shared"))
            .isEqualTo("yes");
      }

      // Closing the joiner leaves the owner's servers running.
      assertThat(first.getBean(StringRedisTemplate.class).opsForValue().get("shared")).isEqualTo("yes");
      assertThat(first.getBean(MongoTemplate.class).count(new org.springframework.data.mongodb.core.query.Query(),
          "procedures")).isEqualTo(1);
    }
    assertThat(LocalPorts.isListening(mongoPort)).isFalse();
    assertThat(LocalPorts.isListening(redisPort)).isFalse();
  }

  @Test
  void theSeedsVariablesPointAServiceAtExternalStoresAndNothingIsStarted(@TempDir Path otherDataDir) {
    try (ConfigurableApplicationContext stores = start(dataDir, 0, 0)) {
      int mongoPort = stores.getBean(EmbeddedMongo.class).port();
      int redisPort = stores.getBean(EmbeddedRedis.class).port();
      stores.getBean(MongoTemplate.class).insert(new Document("_id", "external"), "workflows");

      try (ConfigurableApplicationContext service = new SpringApplicationBuilder(MinimalApplication.class)
          .web(WebApplicationType.NONE)
          .properties("MONGODB_URI=mongodb://127.0.0.1:" + mongoPort + "/wasmhive",
              "REDIS_URL=redis://127.0.0.1:" + redisPort,
              "wasmhive.data-dir=" + otherDataDir,
              "management.health.mongo.enabled=false")
          .run()) {
        assertThat(service.getBeansOfType(EmbeddedMongo.class)).isEmpty();
        assertThat(service.getBeansOfType(EmbeddedRedis.class)).isEmpty();
        assertThat(service.getEnvironment().getProperty("spring.mongodb.uri")).contains(":" + mongoPort);
        assertThat(service.getBean(MongoTemplate.class).findById("external", Document.class, "workflows"))
            .isNotNull();
        service.getBean(StringRedisTemplate.class).opsForValue().set("via", "REDIS_URL");
        assertThat(stores.getBean(StringRedisTemplate.class).opsForValue().get("via")).isEqualTo("REDIS_URL");
      }
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, int mongoPort, int redisPort) {
    return new SpringApplicationBuilder(MinimalApplication.class)
        .web(WebApplicationType.NONE)
        .properties("wasmhive.data-dir=" + dataDir,
            "wasmhive.embedded.mongo.port=" + mongoPort,
            "wasmhive.embedded.redis.port=" + redisPort)
        .run();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class MinimalApplication {
  }
}
