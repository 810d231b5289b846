package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.DerivationClient.assertError;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.util.ArrayList;
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
 * The demo game (guests/c/derive-game.c) through the HTTP API: a full game to a victory, an illegal move rejected, a
 * dispute settled by replaying the log with verify, and a tampered log found. The derivation runs the build of
 * today's C feature set ({@code derive-game-today.wasm}); verify replays with the MVP build ({@code derive-game.wasm})
 * of the same source, as a disputing party with another toolchain would, and must reach the same state hashes.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/derivation-game", "procedure.max-module-size=64KB"})
class DerivationGameIntegrationTests {

  static final String SCHEMA = "CREATE TABLE units (id INTEGER PRIMARY KEY, team TEXT NOT NULL, x INTEGER NOT NULL, "
      + "y INTEGER NOT NULL, hp INTEGER NOT NULL CHECK (hp >= 0))";
  static final String VICTORY = "SELECT team AS \"team\" FROM units WHERE hp > 0 GROUP BY team ORDER BY team";

  @LocalServerPort
  int port;

  DerivationClient api;

  @BeforeEach
  void database() {
    api = new DerivationClient(new HttpProbe(port, "it-" + UUID.randomUUID()));
    Reply created = api.http.post("/derivations", json(Map.of("name", "game", "wasm_base64",
        HttpProbe.base64("derive-game-today.wasm"), "schema", SCHEMA)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
  }

  static Map<String, Object> spawn(int id, String team, int x, int y, int hp) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "spawn");
    m.put("id", id);
    m.put("team", team);
    m.put("x", x);
    m.put("y", y);
    m.put("hp", hp);
    return m;
  }

  static Map<String, Object> move(int id, int x, int y) {
    return new LinkedHashMap<>(Map.of("type", "move", "id", id, "x", x, "y", y));
  }

  static Map<String, Object> attack(int id, int target) {
    return new LinkedHashMap<>(Map.of("type", "attack", "id", id, "target", target));
  }

  /** Red's knight walks to blue's archer and strikes until it falls; blue tries an illegal move on the way. */
  static List<Map<String, Object>> game() {
    List<Map<String, Object>> log = new ArrayList<>();
    log.add(spawn(1, "red", 0, 0, 10));
    log.add(spawn(2, "blue", 3, 0, 5));
    log.add(move(1, 1, 0));
    log.add(move(2, 3, 5));
    log.add(move(1, 2, 0));
    log.add(attack(1, 2));
    log.add(attack(1, 2));
    return log;
  }

  @Test
  void aFullGameIsDerivedToItsWinner() {
    Reply reply = api.appendAll("game", game());
    List<String> statuses = new ArrayList<>();
    reply.body().get("results").forEach(r -> statuses.add(r.get("status").asString()
        + (r.has("reason") ? " " + r.get("reason").asString() : "")));
    assertThat(statuses).containsExactly("applied", "applied", "applied", "rejected reduce returned 4", "applied",
        "applied", "applied");
    Reply units = api.query("game", "SELECT id AS \"id\", x AS \"x\", hp AS \"hp\" FROM units ORDER BY id", null);
    assertThat(units.body().get("rows").toString())
        .isEqualTo("[{\"id\":1,\"x\":2,\"hp\":10},{\"id\":2,\"x\":3,\"hp\":0}]");
    Reply victory = api.query("game", VICTORY, null);
    assertThat(victory.body().get("rows").toString()).isEqualTo("[{\"team\":\"red\"}]");
  }

  @Test
  void illegalMessagesAreRejectedWithTheRuleTheyBreakAndChangeNothing() {
    api.appendAll("game", List.of(spawn(1, "red", 0, 0, 10), spawn(2, "blue", 1, 0, 10)));
    String before = api.status("game").body().get("state_hash").asString();
    Reply reply = api.appendAll("game", List.of(spawn(1, "blue", 5, 5, 10), spawn(3, "green", 5, 5, 10),
        spawn(3, "red", 1, 0, 10), move(1, 5, 5), move(9, 1, 1), attack(1, 1), Map.of("type", "dance"),
        Map.of("id", 1)));
    List<String> reasons = new ArrayList<>();
    reply.body().get("results").forEach(r -> reasons.add(r.get("reason").asString()));
    assertThat(reasons).containsExactly("reduce returned 7", "reduce returned 8", "reduce returned 5",
        "reduce returned 4", "reduce returned 3", "reduce returned 6", "reduce returned 1", "reduce returned 2");
    assertThat(api.status("game").body().get("state_hash").asString()).isEqualTo(before);
  }

  @Test
  void aDisputeIsSettledByReplayingTheLogAndATamperedLogIsFound() {
    api.appendAll("game", game());
    JsonNode status = api.status("game").body();
    List<JsonNode> messages = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    api.http.get("/derivations/game/messages").body().get("messages").forEach(m -> {
      messages.add(m.get("message"));
      hashes.add(m.get("state_hash").asString());
    });
    Reply honest = verify(messages, status.get("state_hash").asString(), hashes);
    assertThat(honest.body().get("verified").asBoolean()).as(honest.body().toString()).isTrue();
    assertThat(honest.body().get("chain_hash").asString()).isEqualTo(status.get("chain_hash").asString());

    // Blue claims its archer dodged: the sixth message (the first attack) is replaced by a harmless move.
    List<Object> tampered = new ArrayList<>(messages);
    tampered.set(5, move(1, 2, 1));
    Reply found = verify(tampered, status.get("state_hash").asString(), hashes);
    assertThat(found.body().get("verified").asBoolean()).isFalse();
    assertThat(found.body().get("diverged_at").asLong()).isEqualTo(6);
  }

  @Test
  void theVictoryQueryIsReadOnly() {
    assertError(api.query("game", "UPDATE units SET hp = 0", null), 400, "BAD_REQUEST");
  }

  private Reply verify(List<?> messages, String expected, List<String> each) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("wasm_base64", HttpProbe.base64("derive-game.wasm"));
    body.put("schema", SCHEMA);
    body.put("messages", messages);
    body.put("expected_state_hash", expected);
    body.put("expected_state_hashes", each);
    return api.http.post("/derivations/verify", json(body));
  }
}
