package io.wasmhive.workflow.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.Codec;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Step modules against the real shared module store (embedded MongoDB) and the real event bus (Redis). */
@ServiceIntegrationTest
class StepModulesIntegrationTests {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  StepModules modules;

  @Autowired
  ModuleStore store;

  @Autowired
  StringRedisTemplate redis;

  @LocalServerPort
  int port;

  @Test
  void aStoredModuleResolvesByShaCidsAndTheRegistryIdAlias() {
    String registryId = randomHex();
    StoredModule module = store.put(uniqueModule(), ModuleOrigin.of("test").withAlias(registryId));
    assertThat(modules.sha256(module.sha256())).hasValue(module.sha256());
    assertThat(modules.sha256(module.sha256().toUpperCase(Locale.ROOT))).hasValue(module.sha256());
    assertThat(modules.sha256(module.cidV0())).hasValue(module.sha256());
    assertThat(modules.sha256(module.cidV1())).hasValue(module.sha256());
    assertThat(modules.sha256(registryId)).hasValue(module.sha256());
    assertThat(modules.sha256(randomHex())).isEmpty();
    assertThat(modules.sha256("")).isEmpty();
  }

  @Test
  void theMessageOfAMissingModuleIsTheSdks() {
    assertThat(StepModules.notFoundMessage("abc")).isEqualTo(
        "WASM module not found in database: abc. Indexer may need to fetch it from IPFS.");
  }

  @Test
  void aMissingModuleIsRequestedOnTheBusByItsCid() {
    String hash = randomHex();
    String cid = Cid.of(1, Codec.RAW, HexFormat.of().parseHex(hash)).toString();
    assertThat(modules.requestIndexing(hash)).hasValue(cid);
    JsonNode request = requested(cid);
    assertThat(request.get("requested_by").stringValue()).isEqualTo("workflow-service");
    assertThat(request.get("alias").isNull()).isTrue();
    assertThat(request.get("requested_at").stringValue()).isNotBlank();

    String cidV0 = ModuleAddresses.of(uniqueModule()).cidV0().toString();
    assertThat(modules.requestIndexing(cidV0)).hasValue(cidV0);
    assertThat(requested(cidV0).get("requested_by").stringValue()).isEqualTo("workflow-service");
  }

  @Test
  void anAliasOfAnotherFormNamesNoCidAndIsNotRequested() {
    long before = entries().size();
    assertThat(modules.requestIndexing("price-oracle-v1")).isEmpty();
    assertThat(entries()).hasSize((int) before);
  }

  @Test
  void creatingAWorkflowRequestsEveryMissingModuleAndStillSucceeds() throws Exception {
    String missing = randomHex();
    String registryId = randomHex();
    store.put(uniqueModule(), ModuleOrigin.of("test").withAlias(registryId));
    String zero = "0x0000000000000000000000000000000000000000";
    String step = "{\"target\":\"" + zero + "\",\"abi\":\"\",\"args\":[],\"value\":\"0\",\"type\":\"wasm\","
        + "\"wasmHash\":\"%s\",\"wasmInput\":{},\"wasmId\":\"%s\"}";
    String body = "{\"owner\":\"" + zero + "\",\"triggers\":[],\"jobs\":[{\"id\":\"j\",\"chainId\":1,\"steps\":["
        + step.formatted(missing, "a") + "," + step.formatted(registryId, "b") + "," + step.formatted(missing, "c")
        + "],\"session\":\"s\"}]}";
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/workflows")).POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("modulesRequested").toString()).isEqualTo("[\"" + missing + "\"]");
    String cid = Cid.of(1, Codec.RAW, HexFormat.of().parseHex(missing)).toString();
    assertThat(requested(cid).get("requested_by").stringValue()).isEqualTo("workflow-service");
  }

  /** The payload of the {@code module_index_requested} entry for a CID, read from Redis. */
  private JsonNode requested(String cid) {
    List<JsonNode> matching = entries().stream()
        .filter(e -> "module_index_requested".equals(e.getValue().get("type")))
        .map(e -> JSON.readTree((String) e.getValue().get("payload")))
        .filter(p -> cid.equals(p.get("cid").stringValue()))
        .toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private List<MapRecord<String, Object, Object>> entries() {
    List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(Streams.MODULE_INDEX_REQUESTED,
        Range.unbounded());
    return entries == null ? List.of() : entries;
  }

  private static String randomHex() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A module no other test stores: the WebAssembly header and a custom section of random bytes. */
  static byte[] uniqueModule() {
    byte[] noise = new byte[16];
    RANDOM.nextBytes(noise);
    byte[] module = new byte[8 + 3 + noise.length];
    System.arraycopy(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 0, (byte) (1 + noise.length), 0}, 0, module, 0, 11);
    System.arraycopy(noise, 0, module, 11, noise.length);
    return module;
  }
}
