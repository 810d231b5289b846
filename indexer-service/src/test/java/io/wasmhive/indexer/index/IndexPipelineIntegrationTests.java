package io.wasmhive.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.testing.IndexerApps;
import io.wasmhive.indexer.modules.IndexerHttp.Reply;
import io.wasmhive.platform.events.Delivery;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.contract.ModuleIndexRequested;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.OperationsQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The whole index path between two real indexers: the second serves as the trustless gateway of the first,
 * raw and CAR, small and multi-chunk; requests come over HTTP and over the Redis stream; answers go out as
 * events. Real HTTP, real Redis, the embedded MongoDB stand-in.
 */
class IndexPipelineIntegrationTests {

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext gateway;
  static ConfigurableApplicationContext indexer;
  static IndexerHttp gatewayHttp;
  static IndexerHttp http;

  @BeforeAll
  static void start() {
    gateway = IndexerApps.start(dataDir.resolve("gateway"));
    indexer = IndexerApps.start(dataDir.resolve("indexer"), "indexer.fetch.gateways=" + IndexerApps.url(gateway),
        "indexer.index.max-attempts=2");
    gatewayHttp = new IndexerHttp(IndexerApps.port(gateway));
    http = new IndexerHttp(IndexerApps.port(indexer));
  }

  @AfterAll
  static void stop() {
    indexer.close();
    gateway.close();
  }

  @Test
  void aSmallModuleIsFetchedRawByItsCidV1VerifiedAndStored() {
    byte[] wasm = IndexerHttp.moduleOfSize(20_000);
    String cid = upload(wasm).get(1);
    assertThat(cid).startsWith("bafkrei");
    Reply queued = http.postJson("/index", "{\"cid\": \"" + cid + "\"}");
    assertThat(queued.status()).isEqualTo(202);
    assertThat(queued.json().get("status").asString()).isIn("queued", "pinning", "pinned");
    awaitPinned(cid);
    assertThat(indexer.getBean(ModuleStore.class).bytes(ModuleAddresses.sha256(wasm))).hasValueSatisfying(
        b -> assertThat(b).isEqualTo(wasm));
    assertThat(http.get("/modules/" + cid).json().get("sources").toString()).contains(IndexerApps.url(gateway));
    await().atMost(Duration.ofSeconds(10)).until(() -> events("module_indexed", cid) == 1);
  }

  @Test
  void aMultiChunkModuleIsFetchedAsACarByItsCidV0() {
    byte[] wasm = IndexerHttp.moduleOfSize(3 * 256 * 1024 + 1000);
    String v0 = upload(wasm).get(0);
    assertThat(v0).isEqualTo(UnixFsImporter.cidV0().cidOf(wasm).toString());
    assertThat(http.postJson("/index", "{\"cid\": \"" + v0 + "\", \"alias\": \"0xabc\"}").status()).isEqualTo(202);
    awaitPinned(v0);
    Reply module = http.get("/modules/0xabc");
    assertThat(module.json().get("sha256").asString()).isEqualTo(ModuleAddresses.sha256(wasm));
    assertThat(module.json().get("size").asLong()).isEqualTo(wasm.length);
  }

  @Test
  void duplicateRequestsCauseOneFetch() {
    byte[] wasm = IndexerHttp.moduleOfSize(30_000);
    String cid = upload(wasm).get(1);
    for (int i = 0; i < 5; i++) {
      assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isIn(200, 202);
    }
    awaitPinned(cid);
    assertThat(http.get("/index/" + cid).json().get("attempts").asInt()).isEqualTo(1);
    assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(200);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> events("module_indexed", cid) == 1);
  }

  @Test
  void aCidNoGatewayHasFailsAfterItsAttemptsWithTheGatewaysReasons() {
    String cid = Cid.rawOf(IndexerHttp.moduleOfSize(1_000)).toString();
    assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(cid).equals("failed"));
    Reply job = http.get("/modules/" + cid);
    assertThat(job.json().get("attempts").asInt()).isBetween(1, 2);
    assertThat(job.json().get("gateway_failures").toString()).contains(IndexerApps.url(gateway));
    assertThat(job.json().get("error").asString()).isNotBlank();
    await().atMost(Duration.ofSeconds(10)).until(() -> events("module_index_failed", cid) == 1);
  }

  @Test
  void theFetchMetersTheOperationsFilesQueryAreExportedAfterAFetch() {
    byte[] wasm = IndexerHttp.moduleOfSize(10_000);
    String cid = upload(wasm).get(1);
    assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(202);
    awaitPinned(cid);
    int managementPort = indexer.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    Reply scrape = new IndexerHttp(managementPort).get("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    String text = new String(scrape.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("indexer_fetch_duration_seconds_count{outcome=\"success\"}");
    // Everything the Grafana dashboard and the alert rules (ops/) query of the indexer and Redis.
    OperationsQueries.assertExported(text, "indexer_", "wasmhive_redis_");
  }

  @Test
  void aFetchedModuleThatIsNotValidFailsAtOnceAsInvalidModule() {
    byte[] bypass = IndexerHttp.callsOnePastItsFunctions();
    // The gateway itself refuses such uploads; put it in its store directly, as a lying publisher could.
    gateway.getBean(ModuleStore.class).put(bypass, io.wasmhive.platform.modules.ModuleOrigin.of("test"));
    String cid = Cid.rawOf(bypass).toString();
    assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(cid).equals("failed"));
    Reply job = http.get("/modules/" + cid);
    assertThat(job.json().get("error").asString()).startsWith("INVALID_MODULE: ").contains("unknown function 1");
    assertThat(job.json().get("attempts").asInt()).isEqualTo(1);
    assertThat(indexer.getBean(ModuleStore.class).find(ModuleAddresses.sha256(bypass))).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> events("module_index_failed", cid) == 1);
  }

  @Test
  void aRedeliveryOfAFailedRequestIsAnsweredFromTheJobWithoutFetchingAgain() {
    String cid = Cid.rawOf(IndexerHttp.moduleOfSize(1_100)).toString();
    assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(cid).equals("failed"));
    await().atMost(Duration.ofSeconds(10)).until(() -> events("module_index_failed", cid) >= 1);
    int attempts = http.get("/index/" + cid).json().get("attempts").asInt();
    long answers = events("module_index_failed", cid);

    indexer.getBean(IndexService.class).handle(new ModuleIndexRequested(cid, null, "relay-service", Instant.now()),
        new Delivery("module_index_requested", "indexer", "test", "1-0", "module_index_requested", Instant.now(), 2));

    assertThat(status(cid)).isEqualTo("failed");
    assertThat(http.get("/index/" + cid).json().get("attempts").asInt()).isEqualTo(attempts);
    await().atMost(Duration.ofSeconds(10)).until(() -> events("module_index_failed", cid) == answers + 1);
    assertThat(http.postJson("/index", "{\"cid\": \"" + cid + "\"}").status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/index/" + cid).json().get("attempts").asInt() > attempts);
  }

  @Test
  void requestsFromOtherServicesArriveOnTheStreamAndAreAnswered() {
    byte[] wasm = IndexerHttp.moduleOfSize(8_000);
    String cid = upload(wasm).get(1);
    indexer.getBean(EventBus.class).publish(new ModuleIndexRequested(cid, null, "relay-service", Instant.now()));
    await().atMost(Duration.ofSeconds(20)).until(() -> events("module_indexed", cid) == 1);
    assertThat(status(cid)).isEqualTo("pinned");
  }

  @Test
  void badRequestsAreClearErrors() {
    assertThat(http.postJson("/index", "{\"cid\": \"Qmnope\"}").code()).isEqualTo("INVALID_CID");
    assertThat(http.postJson("/index", "{}").code()).isEqualTo("BAD_REQUEST");
    assertThat(http.postJson("/index", "not json").code()).isEqualTo("BAD_REQUEST");
    assertThat(http.get("/index/" + Cid.rawOf(new byte[] {7})).status()).isEqualTo(404);
    assertThat(http.get("/index?status=sleeping").code()).isEqualTo("BAD_REQUEST");
  }

  /** Uploads to the gateway indexer; returns [cid_v0, cid_v1]. */
  private static List<String> upload(byte[] wasm) {
    Reply r = gatewayHttp.postBytes("/modules", wasm);
    assertThat(r.status()).isIn(200, 201);
    return List.of(r.json().get("cid_v0").asString(), r.json().get("cid_v1").asString());
  }

  private static void awaitPinned(String cid) {
    await().atMost(Duration.ofSeconds(20)).until(() -> status(cid).equals("pinned"));
  }

  private static String status(String cid) {
    Reply r = http.get("/modules/" + cid);
    return r.status() == 200 ? r.json().get("status").asString() : "http-" + r.status();
  }

  /** How many events of the stream name the CID. */
  static long events(String stream, String cid) {
    StringRedisTemplate redis = indexer.getBean(StringRedisTemplate.class);
    List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(stream, Range.unbounded());
    return records == null ? 0 : records.stream()
        .filter(r -> String.valueOf(r.getValue().get("payload")).contains("\"" + cid + "\"")).count();
  }
}
