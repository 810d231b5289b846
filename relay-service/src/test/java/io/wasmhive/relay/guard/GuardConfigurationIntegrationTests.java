package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The guards as the relay builds them from its settings, on the embedded Redis and MongoDB stand-in of the
 * test support: configured limits and overrides, keys in the application's Redis, rules from configuration
 * and from the {@code relay_permission_rules} collection.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.data-dir=target/it-data/GuardConfigurationIntegrationTests",
    "relay.rate-limit.limit=3",
    "relay.rate-limit.window=60000",
    "relay.rate-limit.overrides[bench.load]=100",
    "relay.rate-limit.overrides.vip=5",
    "relay.idempotency.ttl=120000",
    "relay.permission.default-effect=deny",
    "relay.permission.refresh=200ms",
    "relay.permission.rules[0].users=mallory",
    "relay.permission.rules[0].modules=*",
    "relay.permission.rules[0].effect=deny",
    "relay.permission.rules[1].users=*",
    "relay.permission.rules[1].modules=glyph://calculator@*",
    "relay.permission.rules[1].effect=allow"})
class GuardConfigurationIntegrationTests {

  private static final String CID = "bafkreibhmtmv24yn2zu7udv53bwwvgrylzhbep2e52p72tly7wjiufzpom";

  @Autowired
  RateLimiter rateLimiter;

  @Autowired
  IdempotencyStore idempotency;

  @Autowired
  PermissionChecker permission;

  @Autowired
  StringRedisTemplate redis;

  @Autowired
  MongoTemplate mongo;

  @AfterEach
  void dropStoredRules() {
    mongo.remove(new Query(), MongoPermissionRules.COLLECTION);
  }

  @Test
  void theGuardsFollowTheRelaySettings() {
    assertThat(rateLimiter).isInstanceOf(RedisRateLimiter.class);
    assertThat(rateLimiter.limit()).isEqualTo(3);
    assertThat(rateLimiter.windowMillis()).isEqualTo(60_000);
    assertThat(rateLimiter.tryConsume("bench.load").limit()).isEqualTo(100);
    assertThat(rateLimiter.tryConsume("vip").limit()).isEqualTo(5);
    assertThat(idempotency).isInstanceOf(RedisIdempotencyStore.class);
    assertThat(idempotency.ttl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(permission).isInstanceOf(CombinedPermissionChecker.class);
    assertThat(List.of(rateLimiter.state(), idempotency.state(), permission.state()))
        .allMatch(state -> state.healthy());
  }

  @Test
  void theRateLimitAndIdempotencyKeysLiveInTheApplicationsRedis() {
    String user = "user-" + UUID.randomUUID();
    List<Boolean> allowed = List.of(rateLimiter.tryConsume(user).allowed(), rateLimiter.tryConsume(user).allowed(),
        rateLimiter.tryConsume(user).allowed(), rateLimiter.tryConsume(user).allowed());
    String key = UUID.randomUUID().toString();
    Claim first = idempotency.claim(key, Duration.ofSeconds(30));
    idempotency.complete(key, "{\"success\":true}", idempotency.ttl());

    assertThat(allowed).containsExactly(true, true, true, false);
    assertThat(redis.opsForZSet().size(RedisRateLimiter.KEY_PREFIX + user)).isEqualTo(3);
    assertThat(first).isEqualTo(new Claim.Acquired());
    assertThat(redis.opsForValue().get(RedisIdempotencyStore.KEY_PREFIX + key)).isEqualTo("D:{\"success\":true}");
  }

  @Test
  void configuredRulesComeFirstThenTheStoredOnesAfterARefreshThenTheDefault() {
    PermissionRequest anaByCid = new PermissionRequest("ana", "", CID, CID);
    PermissionRequest benCalculator = new PermissionRequest("ben", "", "glyph://calculator@quantum", CID);
    assertThat(permission.check(anaByCid).allowed()).isFalse();

    mongo.insert(new Document(Map.of("order", 2, "users", List.of("ana"), "modules", List.of("bafkrei*"),
        "effect", "allow")), MongoPermissionRules.COLLECTION);
    mongo.insert(new Document(Map.of("order", 1, "users", "*", "modules", List.of(CID), "effect", "deny")),
        MongoPermissionRules.COLLECTION);
    mongo.insert(new Document(Map.of("order", 0, "users", List.of("carl"), "effect", "allow")),
        MongoPermissionRules.COLLECTION);

    // The three inserts are separate writes: a refresh between them sees only some, so wait for the deny of rule 1.
    await().atMost(Duration.ofSeconds(10))
        .until(() -> permission.check(anaByCid).reason().contains("rule 1 of " + MongoPermissionRules.COLLECTION));
    assertThat(permission.check(anaByCid).allowed()).isFalse();
    assertThat(permission.check(anaByCid).reason()).contains("rule 1 of relay_permission_rules");
    // The configured allow of every calculator version comes before the stored deny of its CID.
    assertThat(permission.check(benCalculator).allowed()).isTrue();
    assertThat(permission.check(new PermissionRequest("mallory", "", "glyph://calculator@1", null)).allowed())
        .isFalse();

    mongo.remove(new Query(Criteria.where("order").is(1)), MongoPermissionRules.COLLECTION);
    await().atMost(Duration.ofSeconds(10)).until(() -> permission.check(anaByCid).allowed());
    assertThat(permission.check(anaByCid).reason()).isEqualTo("allowed by rule 1 of relay_permission_rules");
    assertThat(permission.state().healthy()).isTrue();
  }

  @Test
  void closingTheRuleCheckerStopsItsRefreshThread() {
    RulePermissionChecker checker = new RulePermissionChecker(List.of(), PermissionRule.Effect.ALLOW,
        new MongoPermissionRules(mongo), Duration.ofMillis(100));
    assertThat(checker.refresherStopped()).isFalse();

    checker.close();

    await().atMost(Duration.ofSeconds(5)).until(checker::refresherStopped);
  }
}
