package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.DerivationClient.KV_SCHEMA;
import static io.wasmhive.procedure.api.DerivationClient.assertError;
import static io.wasmhive.procedure.api.DerivationClient.reducer;
import static io.wasmhive.procedure.api.DerivationClient.sha256;
import static io.wasmhive.procedure.api.DerivationClient.utf8;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import io.wasmhive.procedure.derive.Derivations;
import io.wasmhive.procedure.derive.store.DerivationStore;
import io.wasmhive.procedure.derive.store.LoggedMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Replays over real HTTP: the stateless verify (and where a tampered log diverges), snapshots exported, imported and
 * stored every K messages, a live database evicted and rebuilt from its latest snapshot (or from scratch when the
 * snapshot is corrupt) to the same hash, and concurrent appends kept in one order.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/derivation-replay", "derivation.snapshot-every=5",
    "derivation.cache-max-entries=2", "derivation.verify-max-messages=60", "procedure.max-module-size=64KB"})
class DerivationReplayIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  Derivations derivations;

  @Autowired
  DerivationStore store;

  DerivationClient api;
  String database;

  @BeforeEach
  void database() {
    database = "it-" + UUID.randomUUID();
    api = new DerivationClient(new HttpProbe(port, database));
  }

  static List<Object> kv(int k, String v) {
    return List.of(k, v);
  }

  List<List<Object>> log(int n) {
    List<List<Object>> messages = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      messages.add(kv(i % 8 + 1, "v" + i));
    }
    return messages;
  }

  Reply verify(List<?> messages, String expected, List<String> each) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("wasm_base64", reducer("derive-kv.wasm"));
    body.put("schema", KV_SCHEMA);
    body.put("messages", messages);
    if (expected != null) {
      body.put("expected_state_hash", expected);
    }
    if (each != null) {
      body.put("expected_state_hashes", each);
    }
    return api.http.post("/derivations/verify", json(body));
  }

  @Test
  void verifyConfirmsTheLogsStateAndFindsWhereATamperedLogDiverges() {
    api.created("v", "derive-kv.wasm");
    List<List<Object>> messages = log(10);
    api.appendAll("v", messages);
    JsonNode status = api.status("v").body();
    Reply verified = verify(messages, status.get("state_hash").asString(), null);
    assertThat(verified.status()).as(verified.body().toString()).isEqualTo(200);
    assertThat(verified.body().get("verified").asBoolean()).isTrue();
    assertThat(verified.body().get("position").asLong()).isEqualTo(10);
    assertThat(verified.body().get("chain_hash").asString()).isEqualTo(status.get("chain_hash").asString());
    assertThat(verified.body().get("applied").asLong()).isEqualTo(status.get("applied").asLong());
    assertThat(verified.body().get("diverged_at").isNull()).isTrue();

    List<String> hashes = new ArrayList<>();
    api.http.get("/derivations/v/messages").body().get("messages").forEach(m -> hashes.add(m.get("state_hash").asString()));
    List<List<Object>> tampered = new ArrayList<>(messages);
    tampered.set(3, kv(5, "evil"));
    Reply diverged = verify(tampered, status.get("state_hash").asString(), hashes);
    assertThat(diverged.body().get("verified").asBoolean()).isFalse();
    assertThat(diverged.body().get("diverged_at").asLong()).isEqualTo(4);

    Reply wrongFinal = verify(tampered, status.get("state_hash").asString(), null);
    assertThat(wrongFinal.body().get("verified").asBoolean()).isFalse();
    assertThat(wrongFinal.body().get("diverged_at").isNull()).isTrue();
  }

  @Test
  void verifyIsBoundedAndRefusesWhatItCannotCheck() {
    String any = "0".repeat(64);
    assertThat(verify(log(60), any, null).status()).isEqualTo(200);
    assertError(verify(log(61), any, null), 413, "PAYLOAD_TOO_LARGE");
    assertError(verify(log(3), null, null), 400, "BAD_REQUEST");
    assertError(verify(log(3), null, List.of(any)), 400, "BAD_REQUEST");
    Map<String, Object> noMessages = new LinkedHashMap<>(Map.of("wasm_base64", reducer("derive-kv.wasm"),
        "schema", KV_SCHEMA, "expected_state_hash", any));
    assertError(api.http.post("/derivations/verify", json(noMessages)), 400, "BAD_REQUEST");
    noMessages.put("messages", List.of());
    noMessages.put("schema", "CREATE TABLE t (at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
    assertError(api.http.post("/derivations/verify", json(noMessages)), 400, "BAD_REQUEST");
    noMessages.put("schema", KV_SCHEMA);
    noMessages.put("wasm_base64", HttpProbe.base64("c-add.wasm"));
    assertError(api.http.post("/derivations/verify", json(noMessages)), 400, "INVALID_WASM");
  }

  @Test
  void snapshotsExportAndImportOnlyWhenTheyMatchTheLog() {
    api.created("s", "derive-kv.wasm");
    api.appendAll("s", log(7));
    JsonNode status = api.status("s").body();
    Reply snapshot = api.http.get("/derivations/s/snapshot");
    assertThat(snapshot.status()).isEqualTo(200);
    assertThat(snapshot.body().get("position").asLong()).isEqualTo(7);
    assertThat(snapshot.body().get("format").asString()).isEqualTo("whds/1");
    String hash = snapshot.body().get("state_hash").asString();
    assertThat(hash).isEqualTo(status.get("state_hash").asString());
    byte[] dump = Base64.getDecoder().decode(snapshot.body().get("dump_base64").asString());
    assertThat(sha256(dump)).isEqualTo(hash);

    Reply imported = api.http.post("/derivations/s/snapshot", snapshot.body().toString());
    assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
    assertThat(snapshots("s")).contains(7L);

    assertError(importing(7, "1".repeat(64), dump), 400, "BAD_REQUEST");
    assertError(importing(99, hash, dump), 400, "BAD_REQUEST");
    assertError(importing(0, hash, dump), 400, "BAD_REQUEST");
    byte[] flipped = dump.clone();
    flipped[flipped.length - 1] ^= 1;
    assertError(importing(7, hash, flipped), 400, "BAD_REQUEST");
    assertError(importing(7, "not a hash", dump), 400, "BAD_REQUEST");
    assertError(api.http.post("/derivations/s/snapshot", json(Map.of("position", 7, "state_hash", hash,
        "format", "pglite", "dump_base64", Base64.getEncoder().encodeToString(dump)))), 400, "BAD_REQUEST");
  }

  @Test
  void aDerivationKeepsItsSqlEngineAndSnapshotsAndVerifyDeclareIt() {
    api.created("e", "derive-kv.wasm");
    api.appendAll("e", log(3));
    JsonNode status = api.status("e").body();
    assertThat(status.get("sql_engine").asString()).isEqualTo("sqlite");
    assertThat(status.get("sql_engine_version").asString()).matches("3\\.\\d+\\.\\d+ \\(sqlite4j .+\\)");
    Reply snapshot = api.http.get("/derivations/e/snapshot");
    assertThat(snapshot.body().get("sql_engine").asString()).isEqualTo("sqlite");
    Map<String, Object> foreign = new LinkedHashMap<>(Map.of("position", 3,
        "state_hash", snapshot.body().get("state_hash").asString(), "format", "whds/1",
        "dump_base64", snapshot.body().get("dump_base64").asString()));
    foreign.put("sql_engine", "h2");
    Reply refused = api.http.post("/derivations/e/snapshot", json(foreign));
    assertError(refused, 400, "BAD_REQUEST");
    assertThat(refused.errorMessage()).isEqualTo("the snapshot is of a h2 database; derivation e runs on sqlite");
    foreign.put("sql_engine", "sqlite");
    Reply imported = api.http.post("/derivations/e/snapshot", json(foreign));
    assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
    assertThat(imported.body().get("sql_engine").asString()).isEqualTo("sqlite");

    Reply verified = verify(log(3), status.get("state_hash").asString(), null);
    assertThat(verified.body().get("sql_engine").asString()).isEqualTo("sqlite");
    assertThat(verified.body().get("verified").asBoolean()).isTrue();
    Map<String, Object> onH2 = new LinkedHashMap<>(Map.of("wasm_base64", reducer("derive-kv.wasm"),
        "schema", KV_SCHEMA, "messages", log(3), "expected_state_hash", status.get("state_hash").asString(),
        "sql_engine", "h2"));
    Reply h2 = api.http.post("/derivations/verify", json(onH2));
    assertThat(h2.status()).as(h2.body().toString()).isEqualTo(200);
    assertThat(h2.body().get("sql_engine").asString()).isEqualTo("h2");
    onH2.put("sql_engine", "postgres");
    Reply unknown = api.http.post("/derivations/verify", json(onH2));
    assertError(unknown, 400, "BAD_REQUEST");
    assertThat(unknown.errorMessage()).startsWith("sql_engine: unknown SQL engine 'postgres'");
  }

  @Test
  void aDerivationStoredWithoutAnEngineRunsOnH2() {
    api.created("old", "derive-kv.wasm");
    mongo.updateFirst(query(where("_id").is(database + ":old")),
        new Update().unset("sql_engine").unset("sql_engine_version"), "derivations");
    evictAll();
    api.appendAll("old", log(4));
    JsonNode status = api.status("old").body();
    assertThat(status.get("sql_engine").asString()).isEqualTo("h2");
    Reply rows = api.query("old", "SELECT COUNT(*) AS n FROM kv", null);
    assertThat(rows.body().get("rows").get(0).get("N").asInt()).isEqualTo(4);
  }

  private Reply importing(long position, String hash, byte[] dump) {
    return api.http.post("/derivations/s/snapshot", json(Map.of("position", position, "state_hash", hash,
        "dump_base64", Base64.getEncoder().encodeToString(dump))));
  }

  @Test
  void anEvictedDerivationComesBackFromItsLatestSnapshotWithTheSameHashAsFromScratch() {
    api.created("game", "derive-kv.wasm");
    List<List<Object>> messages = log(13);
    for (List<Object> m : messages.subList(0, 12)) {
      api.append("game", m);
    }
    assertThat(snapshots("game")).containsExactly(5L, 10L);
    evictAll();
    Reply last = api.append("game", messages.get(12));
    assertThat(last.body().get("position").asLong()).isEqualTo(13);
    String fromScratch = verify(messages, null, List.copyOf(stateHashes("game"))).body().get("state_hash").asString();
    assertThat(last.body().get("state_hash").asString()).isEqualTo(fromScratch);
  }

  @Test
  void aCorruptSnapshotIsDiscardedAndTheStateRebuiltFromTheLog() {
    api.created("c", "derive-kv.wasm");
    api.appendAll("c", log(6));
    String before = api.status("c").body().get("state_hash").asString();
    assertThat(snapshots("c")).containsExactly(6L);
    mongo.updateFirst(query(where("derivation").is(database + ":c").and("position").is(6L)),
        new Update().set("dump", new Binary(new byte[] {'W', 'H', 'D', 'S', 1, 0})), "derivation_snapshots");
    evictAll();
    Reply rows = api.query("c", "SELECT COUNT(*) AS \"n\" FROM kv", null);
    assertThat(rows.status()).as(rows.body().toString()).isEqualTo(200);
    assertThat(rows.body().get("rows").get(0).get("n").asInt()).isEqualTo(6);
    assertThat(snapshots("c")).isEmpty();
    assertThat(api.http.get("/derivations/c/snapshot").body().get("state_hash").asString()).isEqualTo(before);
  }

  @Test
  void messagesLoggedByAWriterThatFailedBeforeMovingTheHeadAreAdopted() {
    api.created("orphan", "derive-kv.wasm");
    api.appendAll("orphan", log(3));
    String hash = api.status("orphan").body().get("state_hash").asString();
    // As if the writer of message 3 had stopped after logging it, before moving the derivation's head.
    JsonNode second = api.http.get("/derivations/orphan/messages?from=2&limit=1").body().get("messages").get(0);
    mongo.updateFirst(query(where("_id").is(database + ":orphan")), new Update().set("position", 2L)
        .set("state_hash", second.get("state_hash").asString()).set("applied", 2L), "derivations");
    evictAll();
    assertThat(api.status("orphan").body().get("position").asLong()).isEqualTo(2);
    Reply rows = api.query("orphan", "SELECT COUNT(*) AS \"n\" FROM kv", null);
    assertThat(rows.status()).as(rows.body().toString()).isEqualTo(200);
    assertThat(rows.body().get("rows").get(0).get("n").asInt()).isEqualTo(3);
    JsonNode status = api.status("orphan").body();
    assertThat(status.get("position").asLong()).isEqualTo(3);
    assertThat(status.get("state_hash").asString()).isEqualTo(hash);
    assertThat(status.get("applied").asLong()).isEqualTo(3);
  }

  @Test
  void theLogRefusesASecondWriterOfAPositionAndKeepsTheFirst() {
    String id = database + ":direct";
    LoggedMessage first = new LoggedMessage(1, utf8("1"), "0".repeat(64), "a".repeat(64), true, null, "b".repeat(64));
    LoggedMessage second = new LoggedMessage(2, utf8("2"), "a".repeat(64), "c".repeat(64), false, "r", "b".repeat(64));
    assertThat(store.append(id, List.of(first))).isTrue();
    LoggedMessage rival = new LoggedMessage(1, utf8("9"), "0".repeat(64), "d".repeat(64), true, null, "e".repeat(64));
    assertThat(store.append(id, List.of(rival, second))).isFalse();
    assertThat(store.lastPosition(id)).isEqualTo(1);
    assertThat(store.append(id, List.of(second))).isTrue();
    List<LoggedMessage> log = store.messages(id, 1, 10);
    assertThat(log).hasSize(2);
    assertThat(log.get(0).payload()).isEqualTo(utf8("1"));
    assertThat(log.get(1).reason()).isEqualTo("r");
    assertThat(log.get(1).applied()).isFalse();
    assertThat(store.countApplied(id, 2)).isEqualTo(1);
  }

  @Test
  void concurrentAppendsAreAppliedInOneOrder() throws Exception {
    api.created("race", "derive-kv.wasm");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            Reply reply = api.append("race", kv(thread * 100 + i, "t" + thread));
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    JsonNode status = api.status("race").body();
    assertThat(status.get("position").asLong()).isEqualTo(40);
    assertThat(status.get("applied").asLong()).isEqualTo(40);
    JsonNode log = api.http.get("/derivations/race/messages?limit=40").body().get("messages");
    String prev = "0".repeat(64);
    for (int i = 0; i < 40; i++) {
      assertThat(log.get(i).get("position").asLong()).isEqualTo(i + 1);
      assertThat(log.get(i).get("prev_hash").asString()).isEqualTo(prev);
      prev = sha256(HexFormat.of().parseHex(prev), utf8(log.get(i).get("message").toString()));
    }
    assertThat(status.get("chain_hash").asString()).isEqualTo(prev);
  }

  /** Touches two other derivations, so that the cache (2 entries) evicts every earlier one. */
  private void evictAll() {
    for (int i = 0; i < 2; i++) {
      String name = "filler" + i;
      api.created(name, "derive-kv.wasm");
      api.append(name, kv(1, "x"));
    }
    assertThat(derivations.liveCount()).isLessThanOrEqualTo(2);
  }

  private List<String> stateHashes(String name) {
    List<String> hashes = new ArrayList<>();
    api.http.get("/derivations/" + name + "/messages").body().get("messages")
        .forEach(m -> hashes.add(m.get("state_hash").asString()));
    return hashes;
  }

  private List<Long> snapshots(String name) {
    return mongo.find(query(where("derivation").is(database + ":" + name)), Document.class, "derivation_snapshots")
        .stream().map(d -> ((Number) d.get("position")).longValue()).sorted().toList();
  }
}
