package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.DerivationClient.KV_SCHEMA;
import static io.wasmhive.procedure.api.DerivationClient.assertError;
import static io.wasmhive.procedure.api.DerivationClient.op;
import static io.wasmhive.procedure.api.DerivationClient.reducer;
import static io.wasmhive.procedure.api.DerivationClient.sha256;
import static io.wasmhive.procedure.api.DerivationClient.utf8;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import io.wasmhive.procedure.derive.engine.Reducers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Derivations over real HTTP on the embedded MongoDB stand-in with real reducers (src/test/wat): create, append,
 * status, query, the log, and every refusal and error path in the service's error shape.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/derivations", "derivation.max-result-rows=50",
    "derivation.max-messages-per-append=50", "derivation.max-message-bytes=1KB", "derivation.max-list-limit=20",
    "derivation.maxima.max-gas=1000000000", "procedure.max-module-size=128KB"})
class DerivationApiIntegrationTests {

  @LocalServerPort
  int port;

  DerivationClient api;

  @BeforeEach
  void database() {
    api = new DerivationClient(new HttpProbe(port, "it-" + UUID.randomUUID()));
  }

  @Test
  void createAnswersTheEmptyStateAndStatusShowsIt() {
    Reply created = api.create("game", "derive-kv.wasm", KV_SCHEMA, Map.of("max_gas", 5_000_000, "max_db_bytes", 4096));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("position").asLong()).isZero();
    assertThat(created.body().get("chain_hash").asString()).isEqualTo("0".repeat(64));
    assertThat(created.body().get("state_hash").asString()).hasSize(64);
    assertThat(created.body().get("limits").get("max_gas").asLong()).isEqualTo(5_000_000);
    assertThat(created.body().get("limits").get("max_db_bytes").asLong()).isEqualTo(4096);
    Reply status = api.status("game");
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.fields()).contains("name", "position", "state_hash", "applied", "rejected");
    assertThat(status.body().get("state_hash").asString()).isEqualTo(created.body().get("state_hash").asString());
    assertThat(status.body().get("applied").asLong()).isZero();
  }

  @Test
  void appendedMessagesAreAppliedOrRejectedInOrderWithTheirHashChain() {
    api.created("kv", "derive-kv.wasm");
    Reply one = api.append("kv", List.of(1, "one"));
    assertThat(one.status()).as(one.body().toString()).isEqualTo(200);
    assertThat(one.body().get("position").asLong()).isEqualTo(1);
    Reply many = api.appendAll("kv", List.of(List.of(2, "two"), List.of(1, "dup"), List.of(3, "three")));
    assertThat(many.status()).isEqualTo(200);
    JsonNode results = many.body().get("results");
    assertThat(results.size()).isEqualTo(3);
    assertThat(results.get(0).get("status").asString()).isEqualTo("applied");
    assertThat(results.get(1).get("status").asString()).isEqualTo("rejected");
    assertThat(results.get(1).get("reason").asString()).isEqualTo("reduce returned -3");
    assertThat(results.get(1).get("state_hash").asString()).isEqualTo(results.get(0).get("state_hash").asString());
    assertThat(results.get(2).get("position").asLong()).isEqualTo(4);

    Reply status = api.status("kv");
    assertThat(status.body().get("position").asLong()).isEqualTo(4);
    assertThat(status.body().get("applied").asLong()).isEqualTo(3);
    assertThat(status.body().get("rejected").asLong()).isEqualTo(1);

    Reply log = api.http.get("/derivations/kv/messages?from=1&limit=10");
    assertThat(log.body().get("count").asInt()).isEqualTo(4);
    String prev = "0".repeat(64);
    for (JsonNode m : log.body().get("messages")) {
      assertThat(m.get("prev_hash").asString()).isEqualTo(prev);
      String expected = sha256(HexFormat.of().parseHex(prev), utf8(m.get("message").toString()));
      assertThat(m.get("hash").asString()).isEqualTo(expected);
      prev = expected;
    }
    assertThat(status.body().get("chain_hash").asString()).isEqualTo(prev);
    assertThat(log.body().get("messages").get(1).get("message").toString()).isEqualTo("[2,\"two\"]");
  }

  @Test
  void aRejectedMessageLeavesNoPartialWrite() {
    api.created("ops", "derive-ops.wasm");
    api.append("ops", op('x', "INSERT INTO kv VALUES (1, 'kept')"));
    Reply trapped = api.append("ops", op('X', "INSERT INTO kv VALUES (2, 'lost')"));
    assertThat(trapped.body().get("results").get(0).get("reason").asString()).isEqualTo("trap: unreachable");
    Reply rows = api.query("ops", "SELECT k, v FROM kv ORDER BY k", null);
    assertThat(rows.body().get("rows").toString()).isEqualTo("[{\"K\":1,\"V\":\"kept\"}]");
    assertThat(rows.body().get("count").asInt()).isEqualTo(1);
  }

  @Test
  void everyRejectionReasonReachesTheClient() {
    api.created("ops", "derive-ops.wasm");
    Reply reply = api.appendAll("ops", List.of(op('r', ""), op('L', ""), op('x', "UPDATE kv SET v = RAND()"),
        op('x', "INSERT INTO nowhere VALUES (1)"), op('q', "SELECT * FROM kv LIMIT 2"), op('M', "")));
    List<String> reasons = new ArrayList<>();
    reply.body().get("results").forEach(r -> reasons.add(r.get("reason").asString()));
    assertThat(reasons).containsExactly("reduce returned 5", "out of gas (max_gas)", "reduce returned -2",
        "reduce returned -1", "reduce returned -2", "memory limit (max_memory)");
    assertThat(api.status("ops").body().get("rejected").asLong()).isEqualTo(6);
  }

  @Test
  void queriesAnswerRowsWithParametersAndRefuseTheRest() {
    api.created("q", "derive-kv.wasm");
    api.appendAll("q", List.of(List.of(1, "a"), List.of(2, "b"), List.of(3, "c")));
    Reply rows = api.query("q", "SELECT k AS \"k\", v AS \"v\" FROM kv WHERE k >= ? ORDER BY k", List.of(2));
    assertThat(rows.status()).isEqualTo(200);
    assertThat(rows.body().get("rows").toString()).isEqualTo("[{\"k\":2,\"v\":\"b\"},{\"k\":3,\"v\":\"c\"}]");
    assertError(api.query("q", "DELETE FROM kv", null), 400, "BAD_REQUEST");
    assertThat(api.query("q", "SELECT now() AS t", null).errorMessage()).startsWith("refused: NOW is not deterministic");
    assertError(api.query("q", "SELECT * FROM kv LIMIT 1", null), 400, "BAD_REQUEST");
    assertError(api.query("q", "SELECT * FROM nowhere", null), 400, "BAD_REQUEST");
    assertError(api.query("q", "SELECT ? AS x", List.of(Map.of("a", 1))), 400, "BAD_REQUEST");
    assertError(api.query("q", "", null), 400, "BAD_REQUEST");
    assertThat(api.query("q", "SELECT COUNT(*) AS \"n\" FROM kv", null).body().get("rows").get(0).get("n").asInt())
        .isEqualTo(3);
  }

  @Test
  void queryRowsAreBoundedAtTheEdge() {
    api.created("rows", "derive-kv.wasm");
    String range = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < %d) SELECT x FROM r";
    Reply fifty = api.query("rows", String.format(range, 50), null);
    assertThat(fifty.body().get("count").asInt()).isEqualTo(50);
    assertError(api.query("rows", String.format(range, 51), null), 422, "OUTPUT_LIMIT");
  }

  @Test
  void theLogIsReadInBoundedPages() {
    api.created("log", "derive-kv.wasm");
    List<List<Object>> messages = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      messages.add(List.of(i, "v" + i));
    }
    api.appendAll("log", messages);
    Reply first = api.http.get("/derivations/log/messages?limit=20");
    assertThat(first.body().get("count").asInt()).isEqualTo(20);
    assertThat(first.body().get("next_from").asLong()).isEqualTo(21);
    Reply rest = api.http.get("/derivations/log/messages?from=21&limit=20");
    assertThat(rest.body().get("count").asInt()).isEqualTo(5);
    assertThat(rest.body().get("messages").get(4).get("position").asLong()).isEqualTo(25);
    assertError(api.http.get("/derivations/log/messages?limit=21"), 400, "BAD_REQUEST");
    assertError(api.http.get("/derivations/log/messages?limit=0"), 400, "BAD_REQUEST");
    assertError(api.http.get("/derivations/log/messages?from=0"), 400, "BAD_REQUEST");
    assertError(api.http.get("/derivations/log/messages?from=x"), 400, "BAD_REQUEST");
  }

  @Test
  void appendsAreBoundedInMessagesAndBytesAtTheEdge() {
    api.created("bounds", "derive-kv.wasm");
    List<List<Object>> fifty = new ArrayList<>();
    for (int i = 1; i <= 51; i++) {
      fifty.add(List.of(i, "v"));
    }
    assertError(api.appendAll("bounds", fifty), 413, "PAYLOAD_TOO_LARGE");
    assertThat(api.appendAll("bounds", fifty.subList(0, 50)).status()).isEqualTo(200);
    // [100,"vvv…"] is 8 bytes around the value: 1016 v's make 1024 bytes, the limit.
    assertThat(api.append("bounds", List.of(100, "v".repeat(1016))).status()).isEqualTo(200);
    assertError(api.append("bounds", List.of(101, "v".repeat(1017))), 413, "PAYLOAD_TOO_LARGE");
    assertThat(api.status("bounds").body().get("position").asLong()).isEqualTo(51);
  }

  @Test
  void malformedAppendsAreBadRequests() {
    api.created("bad", "derive-kv.wasm");
    assertError(api.http.post("/derivations/bad/messages", "{}"), 400, "BAD_REQUEST");
    assertError(api.http.post("/derivations/bad/messages", json(Map.of("message", 1, "messages", List.of(2)))), 400,
        "BAD_REQUEST");
    assertError(api.http.post("/derivations/bad/messages", "{\"messages\":[]}"), 400, "BAD_REQUEST");
    assertError(api.http.post("/derivations/bad/messages", "{\"messages\":[1,null]}"), 400, "BAD_REQUEST");
    assertError(api.http.post("/derivations/bad/messages", "not json"), 400, "BAD_REQUEST");
    assertThat(api.status("bad").body().get("position").asLong()).isZero();
  }

  @Test
  void createRefusesWhatIsNotADerivation() {
    assertError(api.create("x", "derive-kv.wasm", "CREATE TABLE t (id INT PRIMARY KEY, at TIMESTAMP DEFAULT NOW())",
        null), 400, "BAD_REQUEST");
    assertError(api.create("x", "derive-kv.wasm", "DROP TABLE kv", null), 400, "BAD_REQUEST");
    assertError(api.create("x", "derive-kv.wasm", "CREATE TABLE t (id NOSUCHTYPE)", null), 400, "BAD_REQUEST");
    assertError(api.create("x", "derive-kv.wasm", "", null), 400, "BAD_REQUEST");
    assertError(api.create("bad name", "derive-kv.wasm", KV_SCHEMA, null), 400, "BAD_REQUEST");
    assertError(api.create("x", "derive-kv.wasm", KV_SCHEMA, Map.of("max_gas", 1_000_000_001L)), 400, "BAD_REQUEST");
    assertError(api.create("x", "derive-kv.wasm", KV_SCHEMA, Map.of("max_db_bytes", 0)), 400, "BAD_REQUEST");
    assertError(api.create("x", "derive-kv.wasm", KV_SCHEMA, Map.of("max_memory", 1024)), 400, "BAD_REQUEST");
    Map<String, Object> noWasm = new LinkedHashMap<>(Map.of("name", "x", "schema", KV_SCHEMA));
    assertError(api.http.post("/derivations", json(noWasm)), 400, "BAD_REQUEST");
    noWasm.put("wasm_base64", "not base64!");
    assertError(api.http.post("/derivations", json(noWasm)), 400, "BAD_REQUEST");
    noWasm.put("wasm_base64", java.util.Base64.getEncoder().encodeToString(new byte[] {0, 'a', 's', 'm', 9}));
    assertError(api.http.post("/derivations", json(noWasm)), 400, "INVALID_WASM");
    assertThat(api.status("x").status()).isEqualTo(404);
  }

  @Test
  void reducersMustHaveTheReducerInterfaceAndNoOtherImports() {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "x", "schema", KV_SCHEMA));
    body.put("wasm_base64", HttpProbe.base64("c-add.wasm"));
    Reply noReduce = api.http.post("/derivations", json(body));
    assertError(noReduce, 400, "INVALID_WASM");
    assertThat(noReduce.errorMessage()).contains("reduce(i32, i32) -> i32");
    body.put("wasm_base64", HttpProbe.base64("wat-db-noalloc.wasm"));
    assertError(api.http.post("/derivations", json(body)), 400, "INVALID_WASM");
    body.put("wasm_base64", reducer("derive-clock.wasm"));
    Reply clock = api.http.post("/derivations", json(body));
    assertError(clock, 400, "INVALID_WASM");
    assertThat(clock.errorMessage()).contains("not wasi_snapshot_preview1.clock_time_get");
    assertThat(api.http.get("/derivations/x").status()).isEqualTo(404);
  }

  @Test
  void theReducerSizeLimitHoldsAtItsEdge() {
    int limit = 128 * 1024; // procedure.max-module-size above
    byte[] kv = Reducers.bytes("derive-kv.wasm");
    Reply at = api.http.post("/derivations", json(Map.of("name", "at", "schema", KV_SCHEMA, "wasm_base64",
        Base64.getEncoder().encodeToString(padded(kv, limit)))));
    assertThat(at.status()).as(at.body().toString()).isEqualTo(201);
    Reply past = api.http.post("/derivations", json(Map.of("name", "past", "schema", KV_SCHEMA, "wasm_base64",
        Base64.getEncoder().encodeToString(padded(kv, limit + 1)))));
    assertError(past, 413, "PAYLOAD_TOO_LARGE");
    assertThat(past.errorMessage()).contains((limit + 1) + " bytes, more than the limit of " + limit);
    assertThat(api.http.get("/derivations/past").status()).isEqualTo(404);
  }

  /** {@code wasm} with a custom section appended so that it is exactly {@code total} bytes long. */
  static byte[] padded(byte[] wasm, int total) {
    int content = total - wasm.length - 1 - 5; // section id, then its size as a 5-byte LEB128
    byte[] out = Arrays.copyOf(wasm, total);
    int at = wasm.length;
    out[at++] = 0; // custom section
    for (int i = 0; i < 5; i++) {
      out[at++] = (byte) (((content >>> (7 * i)) & 0x7f) | (i < 4 ? 0x80 : 0));
    }
    out[at++] = 3; // its name, "pad"; the rest of the content is zeros
    out[at++] = 'p';
    out[at++] = 'a';
    out[at] = 'd';
    return out;
  }

  @Test
  void theRustTemplateIsAReducerDespiteTheWasiItsStdLinks() {
    for (String build : new String[] {"rust-derive-template.wasm", "rust-derive-template-today.wasm"}) {
      String name = build.startsWith("rust-derive-template-today") ? "today" : "mvp";
      Reply created = api.http.post("/derivations", json(Map.of("name", name, "wasm_base64", HttpProbe.base64(build),
          "schema", "CREATE TABLE greetings (text TEXT NOT NULL)")));
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      Reply appended = api.http.post("/derivations/" + name + "/messages",
          "{\"messages\":[{\"text\":\"hi\"},{\"text\":7}]}");
      assertThat(appended.status()).as(appended.body().toString()).isEqualTo(200);
      JsonNode results = appended.body().get("results");
      assertThat(results.get(0).get("status").asString()).isEqualTo("applied");
      assertThat(results.get(1).get("status").asString()).isEqualTo("rejected");
      assertThat(results.get(1).get("reason").asString()).isEqualTo("reduce returned 2");
      Reply rows = api.query(name, "SELECT text AS \"t\" FROM greetings", null);
      assertThat(rows.body().get("rows").toString()).isEqualTo("[{\"t\":\"hi\"}]");
    }
  }

  @Test
  void namesAreUniquePerDatabaseAndDatabasesAreSeparate() {
    api.created("same", "derive-kv.wasm");
    assertError(api.create("same", "derive-kv.wasm", KV_SCHEMA, null), 409, "ALREADY_EXISTS");
    DerivationClient other = new DerivationClient(new HttpProbe(port, "it-" + UUID.randomUUID()));
    assertError(other.status("same"), 404, "NOT_FOUND");
    other.created("same", "derive-kv.wasm");
    other.append("same", List.of(1, "other"));
    assertThat(api.status("same").body().get("position").asLong()).isZero();
    assertThat(other.status("same").body().get("position").asLong()).isEqualTo(1);
  }

  @Test
  void unknownDerivationsAreNotFoundEverywhere() {
    assertError(api.status("ghost"), 404, "NOT_FOUND");
    assertError(api.append("ghost", 1), 404, "NOT_FOUND");
    assertError(api.query("ghost", "SELECT 1 AS one", null), 404, "NOT_FOUND");
    assertError(api.http.get("/derivations/ghost/messages"), 404, "NOT_FOUND");
    assertError(api.http.get("/derivations/ghost/snapshot"), 404, "NOT_FOUND");
    assertThat(api.status("ghost").errorMessage()).isEqualTo("derivation not found: ghost");
  }

  @Test
  void multipartAndRawUploadsCreateToo() {
    Reply multipart = api.http.postMultipart("/derivations", Reducers.bytes(
        "derive-kv.wasm"), Map.of("meta", json(Map.of("name", "mp", "schema", KV_SCHEMA))));
    assertThat(multipart.status()).as(multipart.body().toString()).isEqualTo(201);
    String schema = java.net.URLEncoder.encode(KV_SCHEMA, java.nio.charset.StandardCharsets.UTF_8);
    Reply raw = api.http.post("/derivations?name=raw&max_gas=1000000&schema=" + schema, "application/wasm",
        Reducers.bytes("derive-kv.wasm"));
    assertThat(raw.status()).as(raw.body().toString()).isEqualTo(201);
    assertThat(raw.body().get("limits").get("max_gas").asLong()).isEqualTo(1_000_000);
    assertError(api.http.post("/derivations?name=raw2&max_gas=lots&schema=" + schema, "application/wasm",
        Reducers.bytes("derive-kv.wasm")), 400, "BAD_REQUEST");
    assertThat(api.append("raw", List.of(1, "x")).body().get("results").get(0).get("status").asString())
        .isEqualTo("applied");
  }
}
