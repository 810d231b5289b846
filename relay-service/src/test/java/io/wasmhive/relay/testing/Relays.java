package io.wasmhive.relay.testing;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.relay.gateway.ExecutionPolicy;
import io.wasmhive.relay.gateway.ExecutionRequest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: real guest modules, requests and what the streams hold. */
public final class Relays {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private Relays() {
  }

  /** A committed guest of the shared corpus (executor-core's test jar). */
  public static byte[] guest(String file) {
    return GuestCorpus.bytes(file);
  }

  public static StoredModule store(ApplicationContext app, String file) {
    return app.getBean(ModuleStore.class).put(guest(file), ModuleOrigin.of("test"));
  }

  public static String requestId() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public static ExecutionRequest request(StoredModule module, String inputs) {
    return request(requestId(), module, inputs, new ExecutionPolicy(1 << 20, 10_000_000, 5_000));
  }

  public static ExecutionRequest request(String id, StoredModule module, String inputs, ExecutionPolicy policy) {
    return new ExecutionRequest(id, module.cidV1(), module.sha256(), JSON.readTree(inputs), policy, "user-1",
        "session-1", Instant.now());
  }

  /** The payloads of a stream's entries, oldest first. */
  public static List<JsonNode> payloads(ApplicationContext app, String stream) {
    List<MapRecord<String, Object, Object>> records = app.getBean(StringRedisTemplate.class).opsForStream()
        .range(stream, Range.unbounded());
    return records == null ? List.of()
        : records.stream().map(r -> JSON.readTree(String.valueOf(r.getValue().get("payload")))).toList();
  }

  /** The payloads of a stream that carry the request id. */
  public static List<JsonNode> payloadsOf(ApplicationContext app, String stream, String requestId) {
    return payloads(app, stream).stream().filter(p -> requestId.equals(p.path("request_id").asString(""))).toList();
  }

  /** The entry ids of {@code wasm_exec_requested} that carry the request id. */
  public static List<String> requestEntries(ApplicationContext app, String requestId) {
    List<MapRecord<String, Object, Object>> records = app.getBean(StringRedisTemplate.class).opsForStream()
        .range("wasm_exec_requested", Range.unbounded());
    return records == null ? List.of() : records.stream()
        .filter(r -> String.valueOf(r.getValue().get("payload")).contains(requestId))
        .map(r -> r.getId().getValue()).toList();
  }

  /** The lifecycle event types of a request, in stream order. */
  public static List<String> eventTypes(ApplicationContext app, String requestId) {
    return payloadsOf(app, "wasm_exec_events", requestId).stream().map(p -> p.get("type").asString()).toList();
  }
}
