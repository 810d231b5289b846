package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.base64;
import static io.wasmhive.procedure.api.HttpProbe.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Secure mode over real HTTP: who may use which database and procedure. Alice and Carol are two principals of one
 * tenant, Bob is of another, the administrator of a third; every test issues fresh keys with tenants of its own.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.security.mode=secure", "wasmhive.data-dir=target/it-data-proc-access",
    "wasmhive.security.api-keys.hash-strength=4", "procedure.max-procedures-per-tenant=3"})
class ProcedureAccessIntegrationTests {

  /** Who calls: nobody, another tenant's principal, the owner, an administrator of a third tenant. */
  enum Who { NOBODY, OTHER_TENANT, OWNER, ADMIN }

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys apiKeys;

  String database;
  String alice;
  String carol;
  String bob;
  String admin;

  @BeforeEach
  void keysAndAProcedureOfAlice() {
    String tenant = "tenant-" + UUID.randomUUID();
    alice = apiKeys.issue("alice-" + UUID.randomUUID(), tenant, List.of()).token();
    carol = apiKeys.issue("carol-" + UUID.randomUUID(), tenant, List.of()).token();
    bob = apiKeys.issue("bob-" + UUID.randomUUID(), "tenant-" + UUID.randomUUID(), List.of()).token();
    admin = apiKeys.issue("admin-" + UUID.randomUUID(), "ops-" + UUID.randomUUID(), List.of(Roles.ADMIN)).token();
    database = "db-" + UUID.randomUUID();
    Reply created = as(alice).post("/procedures", create("p", false));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
  }

  /** Every endpoint of the service, done in the database where Alice's procedure {@code p} lives. */
  static Stream<Arguments> matrix() {
    Map<String, Function<HttpProbe, Reply>> endpoints = new java.util.LinkedHashMap<>();
    endpoints.put("POST /procedures (JSON)", http -> http.post("/procedures", create("q", false)));
    endpoints.put("POST /procedures (multipart)", http -> http.postMultipart("/procedures", bytes("c-add.wasm"),
        Map.of("meta", "{\"name\":\"q\",\"entry\":\"add\",\"params\":[{\"name\":\"a\",\"data_type\":\"INT\"},"
            + "{\"name\":\"b\",\"data_type\":\"INT\"}],\"return_type\":\"INT\"}")));
    endpoints.put("POST /procedures (application/wasm)", http -> http.post(
        "/procedures?name=q&entry=add&params=a:INT,b:INT&return_type=INT", "application/wasm", bytes("c-add.wasm")));
    endpoints.put("POST /procedures (replace)", http -> http.post("/procedures", create("p", true)));
    endpoints.put("GET /procedures", http -> http.get("/procedures"));
    endpoints.put("GET /procedures/{name}", http -> http.get("/procedures/p"));
    endpoints.put("POST /procedures/{name}/call", http -> http.post("/procedures/p/call", "{\"args\":[2,3]}"));
    endpoints.put("DELETE /procedures/{name}", http -> http.delete("/procedures/p"));
    List<Arguments> rows = new ArrayList<>();
    endpoints.forEach((name, call) -> {
      int ok = name.startsWith("POST /procedures (") ? 201 : 200;
      rows.add(Arguments.of(name, call, Who.NOBODY, 401, "UNAUTHORIZED"));
      rows.add(Arguments.of(name, call, Who.OTHER_TENANT, 403, "FORBIDDEN"));
      rows.add(Arguments.of(name, call, Who.OWNER, ok, null));
      rows.add(Arguments.of(name, call, Who.ADMIN, ok, null));
    });
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} as {2} -> {3}")
  @MethodSource("matrix")
  void everyEndpointAnswersEachKindOfCaller(String endpoint, Function<HttpProbe, Reply> call, Who who, int status,
      String code) {
    Reply reply = call.apply(as(switch (who) {
      case NOBODY -> null;
      case OTHER_TENANT -> bob;
      case OWNER -> alice;
      case ADMIN -> admin;
    }));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    if (code != null) {
      assertThat(reply.errorCode()).isEqualTo(code);
      assertThat(reply.errorMessage()).isNotBlank();
    }
  }

  @Test
  void healthIsPublic() {
    Reply health = as(null).get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().get("status").asString()).isEqualTo("ok");
  }

  @Test
  void anotherPrincipalOfTheTenantMayReadAndCallButNotReplaceOrDrop() {
    HttpProbe http = as(carol);
    assertThat(http.get("/procedures").body().get("count").asInt()).isEqualTo(1);
    assertThat(http.get("/procedures/p").status()).isEqualTo(200);
    assertThat(http.post("/procedures/p/call", "{\"args\":[2,3]}").body().get("result").asInt()).isEqualTo(5);
    assertThat(http.post("/procedures", create("c", false)).status()).isEqualTo(201);
    assertForbidden(http.post("/procedures", create("p", true)));
    assertForbidden(http.delete("/procedures/p"));
    assertUnchanged();
    assertThat(as(alice).get("/procedures").body().get("count").asInt()).isEqualTo(2);
  }

  @Test
  void droppingAnothersProcedureDoesNoHarm() {
    assertForbidden(as(carol).delete("/procedures/p"));
    assertForbidden(as(bob).delete("/procedures/p"));
    assertUnchanged();
  }

  @Test
  void usingAnotherTenantsDatabaseDoesNoHarm() {
    HttpProbe intruder = as(bob);
    assertForbidden(intruder.post("/procedures", create("q", false)));
    assertForbidden(intruder.post("/procedures", create("p", true)));
    assertForbidden(intruder.get("/procedures"));
    assertForbidden(intruder.get("/procedures/p"));
    assertForbidden(intruder.post("/procedures/p/call", "{\"args\":[2,3]}"));
    assertUnchanged();
    assertThat(as(alice).get("/procedures").body().get("count").asInt()).isEqualTo(1);
  }

  @Test
  void anAdministratorsReplaceKeepsTheOwner() {
    assertThat(as(admin).post("/procedures", create("p", true)).status()).isEqualTo(201);
    assertThat(as(alice).get("/procedures/p").body().get("version").asLong()).isEqualTo(2);
    assertForbidden(as(carol).delete("/procedures/p"));
    assertThat(as(alice).delete("/procedures/p").status()).isEqualTo(200);
  }

  @Test
  void anUnclaimedDatabaseReadsAsEmptyToAnyone() {
    HttpProbe http = new HttpProbe(port, "db-" + UUID.randomUUID(), bob);
    Reply list = http.get("/procedures");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().get("count").asInt()).isZero();
    assertThat(http.get("/procedures/p").errorCode()).isEqualTo("NOT_FOUND");
    assertThat(http.post("/procedures/p/call", "{\"args\":[2,3]}").errorCode()).isEqualTo("NOT_FOUND");
    assertThat(http.delete("/procedures/p").errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void twoTenantsRacingForADatabaseGetOneWinner() throws Exception {
    String contested = "db-" + UUID.randomUUID();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Reply>> racers = new ArrayList<>();
    List<String> tokens = List.of(alice, bob, alice, bob);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String name = "r" + i;
      racers.add(CompletableFuture.supplyAsync(() -> {
        await(start);
        return new HttpProbe(port, contested, token).post("/procedures", create(name, false));
      }));
    }
    start.countDown();
    List<Integer> statuses = racers.stream().map(CompletableFuture::join).map(Reply::status).toList();
    assertThat(statuses).containsOnly(201, 403).contains(201, 403);
    List<Reply> lists = List.of(new HttpProbe(port, contested, alice).get("/procedures"),
        new HttpProbe(port, contested, bob).get("/procedures"));
    assertThat(lists).extracting(Reply::status).containsExactlyInAnyOrder(200, 403);
    Reply winner = lists.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    assertThat(winner.body().get("count").asInt()).isEqualTo(statuses.stream().filter(s -> s == 201).count());
  }

  @Test
  void aTenantMayHaveUpToTheLimitOfProceduresAndAReplaceDoesNotCountTwice() {
    // Alice has p; two more reach the limit of 3, in another database too.
    assertThat(as(alice).post("/procedures", create("p2", false)).status()).isEqualTo(201);
    HttpProbe second = new HttpProbe(port, "db-" + UUID.randomUUID(), alice);
    assertThat(second.post("/procedures", create("p3", false)).status()).isEqualTo(201);
    Reply past = as(carol).post("/procedures", create("p4", false));
    assertThat(past.status()).isEqualTo(409);
    assertThat(past.errorCode()).isEqualTo("PROCEDURE_LIMIT_REACHED");
    assertThat(past.errorMessage()).contains("3");
    assertThat(second.post("/procedures", create("p4", false)).errorCode()).isEqualTo("PROCEDURE_LIMIT_REACHED");
    assertThat(as(alice).get("/procedures/p4").status()).isEqualTo(404);
    assertThat(as(alice).post("/procedures", create("p", true)).status()).isEqualTo(201);
    assertThat(new HttpProbe(port, "db-" + UUID.randomUUID(), bob).post("/procedures", create("b", false)).status())
        .isEqualTo(201);
    assertThat(as(alice).delete("/procedures/p2").status()).isEqualTo(200);
    assertThat(as(carol).post("/procedures", create("p4", false)).status()).isEqualTo(201);
  }

  private void assertUnchanged() {
    Reply p = as(alice).get("/procedures/p");
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.body().get("version").asLong()).isEqualTo(1);
    assertThat(as(alice).post("/procedures/p/call", "{\"args\":[2,3]}").body().get("result").asInt()).isEqualTo(5);
  }

  private static void assertForbidden(Reply reply) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
  }

  private HttpProbe as(String token) {
    return new HttpProbe(port, database, token);
  }

  private static String create(String name, boolean replace) {
    return HttpProbe.json(Map.of("name", name, "wasm_base64", base64("c-add.wasm"), "entry", "add",
        "params", List.of(Map.of("name", "a", "data_type", "INT"), Map.of("name", "b", "data_type", "INT")),
        "return_type", "INT", "replace", replace));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
