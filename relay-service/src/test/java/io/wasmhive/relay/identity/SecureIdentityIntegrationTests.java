package io.wasmhive.relay.identity;

import static io.wasmhive.relay.testing.Relays.store;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.relay.identity.SecureRelay.Reply;
import io.wasmhive.relay.names.MongoNameRegistry;
import io.wasmhive.relay.names.NameRegistry;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Secure mode against the attacks of issue 14, each over real HTTP on a whole relay: a caller who sends
 * {@code user_id: victim} (or rotates it) is still itself, for results, events, idempotency slots, rate and
 * concurrency limits, event connections and permission rules; and a glyph name stays its first registrant's.
 */
class SecureIdentityIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path dataDir;

  static SecureRelay relay;
  static StoredModule add;
  static StoredModule loop;

  @BeforeAll
  static void start() {
    relay = new SecureRelay(dataDir,
        "relay.rate-limit.limit=1000",
        "relay.rate-limit.overrides.limited=2",
        "relay.concurrency.overrides.busy=1",
        "relay.sse.max-connections-per-principal=3",
        // A closed stream's place is freed when the next write to it fails: heartbeats make that quick.
        "relay.sse.heartbeat=500ms",
        "relay.permission.rules[0].users=mallory",
        "relay.permission.rules[0].modules=*",
        "relay.permission.rules[0].effect=deny");
    add = store(relay.app, "wat-add.wasm");
    loop = store(relay.app, "wat-loop-sum.wasm");
  }

  @AfterAll
  static void stop() {
    relay.close();
  }

  private static String adding(String inputs, String extra) {
    return "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":" + inputs + extra + "}";
  }

  private static String slowLoop(long n) {
    return "{\"cid\":\"" + loop.cidV1() + "\",\"inputs\":[" + n + "],\"mode\":\"async\","
        + "\"policy\":{\"max_gas\":10000000000,\"max_time\":10000}}";
  }

  @Test
  void aSpoofedUserHeaderReadsNoResultOfTheVictim() {
    Reply victim = relay.execute("victim", adding("[40,2]", ""));
    assertThat(victim.status()).as(victim.toString()).isEqualTo(200);
    String id = victim.json().get("request_id").asString();
    assertThat(relay.get("/intent/execute-wasm/" + id, "victim").json().at("/result/output").asInt()).isEqualTo(42);

    Reply spoofed = relay.get("/intent/execute-wasm/" + id, "thief", "user_id", "victim", "session_id", "s");
    assertThat(spoofed.status()).as(spoofed.toString()).isEqualTo(404);
    assertThat(spoofed.code()).isEqualTo("NOT_FOUND");
    assertThat(spoofed.body()).doesNotContain("\"output\"");
    // The same body with the victim's header is the thief's own request, never a replay of the victim's answer.
    Reply replay = relay.execute("thief", adding("[40,2]", ""), "user_id", "victim");
    assertThat(replay.json().get("request_id").asString()).isNotEqualTo(id);
    assertThat(replay.replay()).isEqualTo("false");
  }

  @Test
  void anotherPrincipalsRunningExecutionIsUnknownToo() {
    Reply accepted = relay.execute("runner", slowLoop(300_000_000L));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().get("request_id").asString();
    assertThat(relay.get("/intent/execute-wasm/" + id, "runner").json().get("status").asString())
        .isIn("running", "completed");
    assertThat(relay.get("/intent/execute-wasm/" + id, "thief", "user_id", "runner").status()).isEqualTo(404);
    await().atMost(WAIT).until(() -> relay.get("/intent/execute-wasm/" + id, "runner").json().path("status")
        .asString("").equals("completed"));
    assertThat(relay.get("/intent/execute-wasm/" + id, "thief", "user_id", "runner").status()).isEqualTo(404);
    assertThat(relay.get("/intent/execute-wasm/" + id, "admin").status()).isEqualTo(200);
  }

  @Test
  void theSameIdempotencyKeyFromTwoPrincipalsIsTwoSlots() {
    String key = ",\"idempotency_key\":\"order-1\"";
    // The attacker fills the key first, naming the victim: it fills its own slot, not the victim's.
    Reply prefill = relay.execute("mallet", adding("[9,9]", key), "user_id", "owner");
    assertThat(prefill.json().get("output").asInt()).as(prefill.toString()).isEqualTo(18);
    Reply own = relay.execute("owner", adding("[1,1]", key));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().get("output").asInt()).isEqualTo(2);
    assertThat(own.replay()).isEqualTo("false");
    // Each slot keeps its own request: a repeat replays, another body is still 422 for its owner.
    Reply repeat = relay.execute("owner", adding("[1,1]", key));
    assertThat(repeat.replay()).isEqualTo("true");
    assertThat(repeat.body()).isEqualTo(own.body());
    Reply reused = relay.execute("owner", adding("[9,9]", key));
    assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
    assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(relay.execute("mallet", adding("[9,9]", key)).body()).isEqualTo(prefill.body());
  }

  @Test
  void theRateLimitIsThePrincipalsWhateverHeaderItRotates() {
    for (int i = 0; i < 2; i++) {
      assertThat(relay.execute("limited", adding("[" + i + ",0]", ""), "user_id", "fresh-" + i).status())
          .isEqualTo(200);
    }
    Reply third = relay.execute("limited", adding("[7,0]", ""), "user_id", "fresh-2");
    assertThat(third.status()).as(third.toString()).isEqualTo(429);
    assertThat(third.code()).isEqualTo("RATE_LIMITED");
    assertThat(third.retryAfter()).isNotNull();
    // The named users' buckets were never touched; another principal is not held back.
    assertThat(relay.execute("fresh-0", adding("[7,0]", "")).status()).isEqualTo(200);
  }

  @Test
  void theConcurrencyLimitIsThePrincipalsWhateverHeaderItRotates() {
    Reply first = relay.execute("busy", slowLoop(400_000_000L));
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    Reply second = relay.execute("busy", slowLoop(400_000_001L), "user_id", "someone-else");
    assertThat(second.status()).as(second.toString()).isEqualTo(429);
    assertThat(second.code()).isEqualTo("CONCURRENCY_LIMITED");
    String id = first.json().get("request_id").asString();
    await().atMost(WAIT).until(() -> relay.get("/intent/execute-wasm/" + id, "busy").json().path("status")
        .asString("").equals("completed"));
  }

  @Test
  void permissionRulesMatchThePrincipalNotTheHeader() {
    Reply denied = relay.execute("mallory", adding("[1,2]", ""), "user_id", "innocent");
    assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
    assertThat(denied.code()).isEqualTo("PERMISSION_DENIED");
    Reply allowed = relay.execute("innocent", adding("[1,2]", ""), "user_id", "mallory");
    assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
  }

  @Test
  void anotherPrincipalsEventsNeverReachASubscriber() throws Exception {
    relay.token("watcher", Roles.EVENTS_WATCH_ALL);
    // The id the target's keyed request will have (sha256 of {idempotency_key, user}), known before it runs.
    String targetId = sha256("{\"idempotency_key\":\"watched\",\"user\":\"target\"}");
    try (SseTestClient spy = subscribe("spy", null, "user_id", "target");
        SseTestClient spyById = subscribe("spy-2", "request_id=" + targetId, "user_id", "target");
        SseTestClient target = subscribe("target", null);
        SseTestClient watcher = subscribe("watcher", null);
        SseTestClient admin = subscribe("admin-watch", null)) {
      Reply run = relay.execute("target", adding("[5,6]", ",\"idempotency_key\":\"watched\""));
      assertThat(run.json().get("request_id").asString()).as(run.toString()).isEqualTo(targetId);
      assertThat(requestIdsOf(target, 1)).containsOnly(targetId);
      assertThat(requestIdsOf(watcher, 1)).containsOnly(targetId);
      assertThat(requestIdsOf(admin, 1)).containsOnly(targetId);
      // The spy's own execution is the first event it sees, although the target's came before it on the stream.
      String spyId = relay.execute("spy", adding("[1,0]", "")).json().get("request_id").asString();
      assertThat(requestIdsOf(spy, 1)).containsOnly(spyId);
      // Subscribed to the target's request id, the other spy gets nothing, however long it waits.
      List<SseTestClient.Frame> seen = new ArrayList<>();
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> {
        seen.addAll(eventsOf(spyById));
        return seen.isEmpty();
      });
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
  }

  @Test
  void eventStreamsPerPrincipalStopAtTheLimitWhateverHeaderIsRotated() throws Exception {
    List<SseTestClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(subscribe("streamer", null, "user_id", "rotated-" + i));
      }
      try (SseTestClient fourth = relay.events("streamer", null, "user_id", "rotated-3")) {
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.response().headers().firstValue("Retry-After")).isPresent();
        JsonNode body = JSON.readTree(fourth.body());
        assertThat(body.get("success").asBoolean(true)).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo("TOO_MANY_CONNECTIONS");
      }
      try (SseTestClient other = relay.events("rotated-3", null)) {
        assertThat(other.status()).isEqualTo(200);
      }
      open.remove(0).close();
      await().atMost(WAIT).untilAsserted(() -> {
        try (SseTestClient again = relay.events("streamer", null)) {
          assertThat(again.status()).isEqualTo(200);
        }
      });
    } finally {
      for (SseTestClient client : open) {
        client.close();
      }
    }
  }

  @Test
  void aGlyphNameCannotBeTakenOverByAnotherPrincipal() {
    StoredModule evil = store(relay.app, "c-add.wasm");
    String name = "calc-" + System.nanoTime();
    assertThat(register("alice", name, "1.0.0", add).status()).isEqualTo(201);
    Reply hijack = register("mallet", name, "99.0.0", evil, "user_id", "alice");
    assertThat(hijack.status()).as(hijack.toString()).isEqualTo(403);
    assertThat(hijack.code()).isEqualTo("NAME_OWNED");
    assertThat(register("mallet", name, "stable", evil).status()).isEqualTo(403);
    // Not even the very record the owner registered can be registered again by someone else.
    assertThat(register("mallet", name, "1.0.0", add).status()).isEqualTo(403);
    JsonNode versions = relay.get("/names/" + name, "mallet").json();
    assertThat(versions.get("latest").asString()).isEqualTo("1.0.0");
    assertThat(versions.get("owner").asString()).isEqualTo("alice");
    Reply run = relay.execute("alice", "{\"cid\":\"glyph://" + name + "\",\"inputs\":[20,22]}");
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    assertThat(relay.get("/intent/execute-wasm/" + run.json().get("request_id").asString(), "alice")
        .json().at("/result/output").asInt()).isEqualTo(42);
    assertThat(relay.get("/names/" + name + "/latest", "alice").json().get("sha256").asString())
        .isEqualTo(add.sha256());
    // The owner and an administrator move latest.
    assertThat(register("alice", name, "1.1.0", add).status()).isEqualTo(201);
    assertThat(register("admin", name, "2.0.0", evil).status()).isEqualTo(201);
    assertThat(relay.get("/names/" + name + "/latest", "alice").json().get("version").asString()).isEqualTo("2.0.0");
  }

  @Test
  void aNameStoredBeforeOwnersBelongsToTheRegistrantOfItsOldestVersion() {
    MongoTemplate mongo = relay.app.getBean(MongoTemplate.class);
    String kept = "legacy-" + System.nanoTime();
    String orphan = "orphan-" + System.nanoTime();
    mongo.insert(legacyRecord(kept, "0.9.0", "carol", 1_000), MongoNameRegistry.COLLECTION);
    mongo.insert(legacyRecord(kept, "1.0.0", "dave", 2_000), MongoNameRegistry.COLLECTION);
    mongo.insert(legacyRecord(orphan, "1.0.0", null, 1_000), MongoNameRegistry.COLLECTION);
    assertThat(relay.get("/names/" + kept, "dave").json().get("owner").asString()).isEqualTo("carol");
    assertThat(relay.get("/names/" + orphan, "dave").json().has("owner")).as("only administrators").isFalse();
    assertThat(register("dave", kept, "2.0.0", add).code()).isEqualTo("NAME_OWNED");
    assertThat(register("carol", kept, "2.0.0", add).status()).isEqualTo(201);
    // A name first registered without identity is an administrator's.
    assertThat(register("carol", orphan, "2.0.0", add).code()).isEqualTo("NAME_OWNED");
    assertThat(register("admin", orphan, "2.0.0", add).status()).isEqualTo(201);
  }

  @Test
  void ofConcurrentFirstRegistrantsExactlyOneOwnsTheName() throws Exception {
    NameRegistry registry = relay.app.getBean(NameRegistry.class);
    String name = "race-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> owners = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String principal = "racer-" + i;
        owners.add(pool.submit(() -> registry.claimOwner(name, principal)));
      }
      Set<String> distinct = new HashSet<>();
      for (Future<String> owner : owners) {
        distinct.add(owner.get());
      }
      assertThat(distinct).hasSize(1);
      assertThat(distinct.iterator().next()).startsWith("racer-");
    } finally {
      pool.shutdownNow();
    }
  }

  private static Document legacyRecord(String name, String version, String owner, long createdAtMillis) {
    return new Document("_id", name + "@" + version).append("name", name).append("version", version)
        .append("cid", add.cidV1()).append("sha256", add.sha256()).append("owner", owner)
        .append("created_at", new Date(createdAtMillis));
  }

  private static Reply register(String principal, String name, String version, StoredModule module,
      String... headers) {
    return relay.send("POST", "/names", principal, "{\"name\":\"" + name + "\",\"version\":\"" + version
        + "\",\"cid\":\"" + module.cidV1() + "\"}", headers);
  }

  private static SseTestClient subscribe(String principal, String query, String... headers) throws Exception {
    SseTestClient client = relay.events(principal, query, headers);
    assertThat(client.status()).as(client.body()).isEqualTo(200);
    assertThat(client.next(WAIT).retry()).isNotNull();
    return client;
  }

  /** The request ids of the next {@code n} events (with data) of a subscriber. */
  private static List<String> requestIdsOf(SseTestClient client, int n) throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (SseTestClient.Frame frame : client.events(n, WAIT)) {
      ids.add(JSON.readTree(frame.data()).path("request_id").asString(""));
    }
    return ids;
  }

  private static List<SseTestClient.Frame> eventsOf(SseTestClient client) {
    return client.pending().stream().filter(SseTestClient.Frame::isEvent).toList();
  }
}
