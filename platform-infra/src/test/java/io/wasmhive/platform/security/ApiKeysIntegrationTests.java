package io.wasmhive.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/** API keys on the embedded MongoDB stand-in through the real driver: issue, verify, cache, revoke. */
class ApiKeysIntegrationTests {

  @TempDir
  static Path dataDir;

  static MongoServer server;
  static MongoClient client;
  static MongoTemplate mongo;
  static MongoApiKeyStore store;

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-12-07T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void start() {
    server = new MongoServer(new H2Backend(dataDir.resolve("keys.mv").toString()));
    server.bind("127.0.0.1", 0);
    client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    mongo = new MongoTemplate(client, "wasmhive");
    store = new MongoApiKeyStore(mongo, "api_keys");
  }

  @AfterAll
  static void stop() {
    client.close();
    server.shutdownNow();
  }

  static SecurityProperties.ApiKeys settings(Duration ttl, int cacheSize) {
    return new SecurityProperties.ApiKeys(true, "api_keys", ttl, cacheSize, 4);
  }

  @Test
  void anIssuedKeyAuthenticatesItsPrincipalAndOnlyItsHashIsStored() {
    ApiKeys keys = new ApiKeys(store, settings(Duration.ofSeconds(30), 100), new TestClock());
    IssuedApiKey issued = keys.issue("alice", "acme", List.of("modules:write"));

    assertThat(issued.token()).matches("whk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
    assertThat(issued.toString()).doesNotContain(issued.token());
    Caller caller = keys.authenticate(issued.token()).orElseThrow();
    assertThat(caller).isEqualTo(new Caller("alice", "acme", Set.of("modules:write"), Caller.Source.API_KEY));
    Document stored = mongo.findById(issued.key().id(), Document.class, "api_keys");
    String secret = issued.token().substring(issued.token().lastIndexOf('_') + 1);
    assertThat(stored.toJson()).doesNotContain(secret).doesNotContain(issued.token());
    assertThat(stored.getString("secretHash")).startsWith("$2a$04$");
  }

  @Test
  void aWrongSecretForAKnownIdIsRefusedCachedOrNot() {
    ApiKeys keys = new ApiKeys(store, settings(Duration.ofSeconds(30), 100), new TestClock());
    IssuedApiKey issued = keys.issue("bob", "acme", List.of());
    String wrong = issued.token().substring(0, issued.token().length() - 1)
        + (issued.token().endsWith("A") ? "B" : "A");

    assertThat(keys.authenticate(wrong)).as("not yet cached").isEmpty();
    assertThat(keys.authenticate(issued.token())).isPresent();
    assertThat(keys.authenticate(wrong)).as("cached").isEmpty();
  }

  @Test
  void malformedAndUnknownTokensAreRefusedBeforeAnyLookUp() {
    ApiKeys keys = new ApiKeys(store, settings(Duration.ofSeconds(30), 100), new TestClock());
    String unknown = "whk_" + "a".repeat(12) + "_" + "b".repeat(43);
    assertThat(keys.authenticate(unknown)).isEmpty();
    assertThat(keys.authenticate("whk_")).isEmpty();
    assertThat(keys.authenticate("whk_ABCDEFGHIJKL_" + "b".repeat(43))).as("id outside the alphabet").isEmpty();
    assertThat(keys.authenticate(unknown + "x")).as("one character too long").isEmpty();
    assertThat(keys.authenticate("whk_" + "a".repeat(12) + "_" + "b".repeat(42) + "%")).isEmpty();
  }

  @Test
  void aRevokedKeyStopsAtOnceHereAndWithinTheCacheTimeOnAnotherInstance() {
    TestClock clock = new TestClock();
    ApiKeys here = new ApiKeys(store, settings(Duration.ofSeconds(30), 100), clock);
    ApiKeys there = new ApiKeys(store, settings(Duration.ofSeconds(30), 100), clock);
    IssuedApiKey issued = here.issue("carol", "acme", List.of());
    assertThat(here.authenticate(issued.token())).isPresent();
    assertThat(there.authenticate(issued.token())).isPresent();

    assertThat(here.revoke(issued.key().id())).isTrue();
    assertThat(here.revoke(issued.key().id())).as("revoked once").isFalse();
    assertThat(here.authenticate(issued.token())).isEmpty();
    clock.now = clock.now.plusSeconds(29);
    assertThat(there.authenticate(issued.token())).as("still cached there").isPresent();
    clock.now = clock.now.plusSeconds(2);
    assertThat(there.authenticate(issued.token())).as("cache time over").isEmpty();
    assertThat(store.find(issued.key().id()).orElseThrow().revokedAt()).isNotNull();
  }

  @Test
  void theCacheHoldsAtMostItsSizeAndAnEvictedKeyIsVerifiedAgain() {
    ApiKeys keys = new ApiKeys(store, settings(Duration.ofSeconds(30), 2), new TestClock());
    List<IssuedApiKey> issued = List.of(keys.issue("d1", "t", List.of()), keys.issue("d2", "t", List.of()),
        keys.issue("d3", "t", List.of()));
    issued.forEach(key -> assertThat(keys.authenticate(key.token())).isPresent());
    issued.forEach(key -> assertThat(keys.authenticate(key.token())).isPresent());
  }

  @Test
  void invalidNamesAndRolesAreRefusedAndNothingIsStored() {
    ApiKeys keys = new ApiKeys(store, settings(Duration.ofSeconds(30), 100), new TestClock());
    long before = mongo.getCollection("api_keys").countDocuments();
    assertThatThrownBy(() -> keys.issue("", "acme", List.of())).hasMessageStartingWith("principal:");
    assertThatThrownBy(() -> keys.issue("a b", "acme", List.of())).hasMessageStartingWith("principal:");
    assertThatThrownBy(() -> keys.issue("x".repeat(129), "acme", List.of())).hasMessageStartingWith("principal:");
    assertThatThrownBy(() -> keys.issue("ok", null, List.of())).hasMessageStartingWith("tenant:");
    assertThatThrownBy(() -> keys.issue("ok", "acme", List.of("Admin"))).hasMessageStartingWith("roles:");
    assertThatThrownBy(() -> keys.issue("ok", "acme", java.util.Collections.nCopies(33, "r")))
        .hasMessageStartingWith("roles:");
    assertThat(keys.issue("x".repeat(128), "acme", java.util.Collections.nCopies(32, "r")).key().principal())
        .hasSize(128);
    assertThat(mongo.getCollection("api_keys").countDocuments()).isEqualTo(before + 1);
  }
}
