package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.DerivationClient.KV_SCHEMA;
import static io.wasmhive.procedure.api.DerivationClient.reducer;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Secure mode over real HTTP: every derivation endpoint needs a caller (401), refuses another tenant's database
 * (403) and serves a member of the owning tenant.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.security.mode=secure", "wasmhive.data-dir=target/it-data-derive-access",
    "wasmhive.security.api-keys.hash-strength=4"})
class DerivationAccessIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys apiKeys;

  String database;
  String alice;
  String carol;
  String bob;

  @BeforeEach
  void keysAndADerivationOfAlice() {
    String tenant = "tenant-" + UUID.randomUUID();
    alice = apiKeys.issue("alice-" + UUID.randomUUID(), tenant, List.of()).token();
    carol = apiKeys.issue("carol-" + UUID.randomUUID(), tenant, List.of()).token();
    bob = apiKeys.issue("bob-" + UUID.randomUUID(), "tenant-" + UUID.randomUUID(), List.of()).token();
    database = "db-" + UUID.randomUUID();
    Reply created = as(alice).post("/derivations", create("d"));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(as(alice).post("/derivations/d/messages", json(Map.of("message", List.of(1, "a")))).status())
        .isEqualTo(200);
  }

  static String create(String name) {
    return json(Map.of("name", name, "wasm_base64", reducer("derive-kv.wasm"), "schema", KV_SCHEMA));
  }

  static Stream<String> endpoints() {
    return ENDPOINTS.keySet().stream();
  }

  static final Map<String, Function<HttpProbe, Reply>> ENDPOINTS = new LinkedHashMap<>();

  static {
    ENDPOINTS.put("POST /derivations", http -> http.post("/derivations", create("e")));
    ENDPOINTS.put("GET /derivations/{name}", http -> http.get("/derivations/d"));
    ENDPOINTS.put("POST /derivations/{name}/messages",
        http -> http.post("/derivations/d/messages", json(Map.of("message", List.of(2, "b")))));
    ENDPOINTS.put("POST /derivations/{name}/query",
        http -> http.post("/derivations/d/query", json(Map.of("sql", "SELECT * FROM kv ORDER BY k"))));
    ENDPOINTS.put("GET /derivations/{name}/messages", http -> http.get("/derivations/d/messages"));
    ENDPOINTS.put("GET /derivations/{name}/snapshot", http -> http.get("/derivations/d/snapshot"));
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void withoutCredentialsEveryEndpointIsUnauthorized(String endpoint) {
    Reply reply = ENDPOINTS.get(endpoint).apply(new HttpProbe(port, database));
    assertThat(reply.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void anotherTenantIsForbidden(String endpoint) {
    Reply reply = ENDPOINTS.get(endpoint).apply(as(bob));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void aMemberOfTheTenantIsServed(String endpoint) {
    Reply reply = ENDPOINTS.get(endpoint).apply(as(carol));
    assertThat(reply.status()).as(reply.raw().body()).isIn(200, 201);
  }

  HttpProbe as(String token) {
    return new HttpProbe(port, database, token);
  }
}
