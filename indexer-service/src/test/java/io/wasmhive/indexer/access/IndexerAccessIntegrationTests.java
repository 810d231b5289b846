package io.wasmhive.indexer.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.indexer.chain.ModuleRegistered;
import io.wasmhive.indexer.chain.RegistryEventSink;
import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.modules.IndexerHttp.Reply;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.contract.ModuleIndexRequested;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.modules.AliasOwner;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
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
 * Secure mode over real HTTP: the role the writing endpoints need, the public gateway, and aliases that only their
 * owner, an administrator or (for registry ids) the chain watcher may move. Every test issues fresh keys.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.security.mode=secure", "wasmhive.data-dir=target/it-data-idx-access",
    "wasmhive.security.api-keys.hash-strength=4"})
class IndexerAccessIntegrationTests {

  /** Who calls: nobody, a caller without {@code modules:write}, a writer, an administrator. */
  enum Who { NOBODY, READER, WRITER, ADMIN }

  /** An endpoint, called with a client and a module stored (and indexed) before the call. */
  interface Endpoint extends BiFunction<IndexerHttp, StoredModule, Reply> {
  }

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys apiKeys;

  @Autowired
  ModuleStore store;

  @Autowired
  RegistryEventSink registry;

  @Autowired
  EventBus bus;

  String reader;
  String alice;
  String alicePrincipal;
  String bob;
  String admin;
  StoredModule m1;
  StoredModule m2;

  @BeforeEach
  void keysAndModules() {
    reader = apiKeys.issue("reader-" + UUID.randomUUID(), "t-" + UUID.randomUUID(), List.of()).token();
    alicePrincipal = "alice-" + UUID.randomUUID();
    alice = apiKeys.issue(alicePrincipal, "t-" + UUID.randomUUID(), List.of(Roles.MODULES_WRITE)).token();
    bob = apiKeys.issue("bob-" + UUID.randomUUID(), "t-" + UUID.randomUUID(), List.of(Roles.MODULES_WRITE)).token();
    admin = apiKeys.issue("admin-" + UUID.randomUUID(), "ops", List.of(Roles.ADMIN)).token();
    m1 = store.put(IndexerHttp.moduleOfSize(1_500), ModuleOrigin.of("test"));
    m2 = store.put(IndexerHttp.moduleOfSize(1_600), ModuleOrigin.of("test"));
    assertThat(index(admin, m1.cidV1(), null).status()).isEqualTo(200);
  }

  static Stream<Arguments> matrix() {
    List<Object[]> endpoints = List.of(
        new Object[] {"POST /modules (raw)", true, 201,
            (Endpoint) (http, m) -> http.postBytes("/modules", IndexerHttp.moduleOfSize(1_000))},
        new Object[] {"POST /modules (multipart)", true, 201,
            (Endpoint) (http, m) -> http.postMultipart("/modules", IndexerHttp.moduleOfSize(1_000))},
        new Object[] {"POST /index", true, 200,
            (Endpoint) (http, m) -> http.postJson("/index", "{\"cid\":\"" + m.cidV0() + "\"}")},
        new Object[] {"GET /modules", false, 200, (Endpoint) (http, m) -> http.get("/modules")},
        new Object[] {"GET /modules/{reference}", false, 200, (Endpoint) (http, m) -> http.get("/modules/" + m.cidV0())},
        new Object[] {"GET /index", false, 200, (Endpoint) (http, m) -> http.get("/index")},
        new Object[] {"GET /index/{cid}", false, 200, (Endpoint) (http, m) -> http.get("/index/" + m.cidV1())});
    List<Arguments> rows = new ArrayList<>();
    for (Object[] e : endpoints) {
      boolean writes = (Boolean) e[1];
      int ok = (Integer) e[2];
      rows.add(Arguments.of(e[0], e[3], Who.NOBODY, 401, "UNAUTHORIZED"));
      rows.add(Arguments.of(e[0], e[3], Who.READER, writes ? 403 : ok, writes ? "FORBIDDEN" : null));
      rows.add(Arguments.of(e[0], e[3], Who.WRITER, ok, null));
      rows.add(Arguments.of(e[0], e[3], Who.ADMIN, ok, null));
    }
    Endpoint gateway = (http, m) -> http.get("/ipfs/" + m.cidV1() + "?format=raw");
    for (Who who : Who.values()) {
      rows.add(Arguments.of("GET /ipfs/{cid} (public)", gateway, who, 200, null));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} as {2} -> {3}")
  @MethodSource("matrix")
  void everyEndpointAnswersEachKindOfCaller(String endpoint, Endpoint call, Who who, int status, String code) {
    Reply reply = call.apply(client(switch (who) {
      case NOBODY -> null;
      case READER -> reader;
      case WRITER -> alice;
      case ADMIN -> admin;
    }), m1);
    assertThat(reply.status()).as(new String(reply.bytes())).isEqualTo(status);
    if (code != null) {
      assertThat(reply.code()).isEqualTo(code);
    }
  }

  @Test
  void aReaderUploadStoresNothing() {
    byte[] wasm = IndexerHttp.moduleOfSize(1_100);
    assertThat(client(reader).postBytes("/modules", wasm).code()).isEqualTo("FORBIDDEN");
    assertThat(client(reader).postMultipart("/modules", wasm).code()).isEqualTo("FORBIDDEN");
    assertThat(client(reader).get("/modules/" + ModuleAddresses.sha256(wasm)).status())
        .isEqualTo(404);
  }

  @Test
  void rePointingSomeoneElsesAliasDoesNoHarm() {
    String alias = "alias-" + UUID.randomUUID();
    assertThat(index(alice, m1.cidV1(), alias).status()).isEqualTo(200);

    Reply hijack = index(bob, m2.cidV1(), alias);
    assertThat(hijack.status()).isEqualTo(403);
    assertThat(hijack.code()).isEqualTo("ALIAS_OWNED");
    String unstored = Cid.rawOf(IndexerHttp.moduleOfSize(1_200)).toString();
    assertThat(index(bob, unstored, alias).code()).isEqualTo("ALIAS_OWNED");
    assertThat(client(bob).get("/index/" + unstored).status()).as("no job was queued").isEqualTo(404);

    assertPointsAt(alias, m1);
    assertThat(store.find(m2.sha256()).orElseThrow().aliases()).doesNotContain(alias);
    assertThat(store.aliasOwner(alias)).contains(AliasOwner.principal(alicePrincipal));

    assertThat(index(alice, m2.cidV1(), alias).status()).isEqualTo(200);
    assertPointsAt(alias, m2);
    assertThat(index(admin, m1.cidV1(), alias).status()).isEqualTo(200);
    assertPointsAt(alias, m1);
    assertThat(store.aliasOwner(alias)).as("an administrator's move keeps the owner")
        .contains(AliasOwner.principal(alicePrincipal));
  }

  @Test
  void rePointingARegistryAliasOverHttpDoesNoHarm() {
    String id = registryId();
    registry.created(new ModuleRegistered(id, m1.cidV0(), "0x" + "1".repeat(40), 7, "0x" + "2".repeat(64), 0));
    assertPointsAt(id, m1);
    for (String token : List.of(alice, admin)) {
      Reply refused = index(token, m2.cidV1(), id);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.code()).isEqualTo("REGISTRY_ALIAS");
    }
    assertPointsAt(id, m1);
    assertThat(store.aliasOwner(id)).contains(AliasOwner.REGISTRY);
  }

  @Test
  void anAliasSquattedBeforeTheRegistrySawItGoesToTheRegistry() {
    String id = registryId();
    assertThat(index(bob, m2.cidV1(), id).status()).isEqualTo(200);
    assertPointsAt(id, m2);
    registry.created(new ModuleRegistered(id, m1.cidV1(), "0x" + "1".repeat(40), 8, "0x" + "3".repeat(64), 0));
    assertPointsAt(id, m1);
    assertThat(index(bob, m2.cidV1(), id).code()).isEqualTo("REGISTRY_ALIAS");
    assertPointsAt(id, m1);
  }

  @Test
  void aQueuedRequestDoesNotMoveAnAliasTheRegistryTookMeanwhile() {
    String id = registryId();
    registry.created(new ModuleRegistered(id, m1.cidV1(), "0x" + "1".repeat(40), 9, "0x" + "4".repeat(64), 0));
    // A request accepted before the registry took the alias, delivered only now.
    bus.publish(new ModuleIndexRequested(m2.cidV0(), id, "indexer-http", Instant.now()));
    await().atMost(Duration.ofSeconds(20)).until(() -> client(admin).get("/index/" + m2.cidV0()).status() == 200);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> store.find(id).map(StoredModule::sha256).orElse("").equals(m1.sha256()));
    assertThat(store.find(m2.sha256()).orElseThrow().aliases()).doesNotContain(id);
  }

  private void assertPointsAt(String alias, StoredModule module) {
    Reply found = client(reader).get("/modules/" + alias);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("sha256").asString()).isEqualTo(module.sha256());
  }

  private static String registryId() {
    return "0x" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
  }

  private Reply index(String token, String cid, String alias) {
    String body = alias == null ? "{\"cid\":\"" + cid + "\"}" : "{\"cid\":\"" + cid + "\",\"alias\":\"" + alias + "\"}";
    return client(token).postJson("/index", body);
  }

  private IndexerHttp client(String token) {
    return new IndexerHttp(port, token);
  }
}
