package io.wasmhive.relay.identity;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.relay.testing.RelayApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole relay in secure mode and a real HTTP client of it that authenticates with API keys issued by the relay's
 * own {@link ApiKeys}, one per principal ({@code admin…} principals get the admin role).
 */
final class SecureRelay implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  final ConfigurableApplicationContext app;
  private final String base;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  SecureRelay(Path dataDir, String... properties) {
    List<String> all = new ArrayList<>(List.of("wasmhive.security.mode=secure",
        "wasmhive.security.api-keys.hash-strength=4"));
    all.addAll(List.of(properties));
    this.app = RelayApps.start(dataDir, all.toArray(String[]::new));
    this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** The bearer token of a principal, issued on first use; {@code roles} apply to the first issue only. */
  String token(String principal, String... roles) {
    return tokens.computeIfAbsent(principal, p -> app.getBean(ApiKeys.class)
        .issue(p, p, roles.length > 0 ? List.of(roles) : p.startsWith("admin") ? List.of(Roles.ADMIN) : List.of())
        .token());
  }

  /** A request as {@code principal} (null: no credentials) with extra headers (name, value, …). */
  Reply send(String method, String path, String principal, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (principal != null) {
      request.header("Authorization", "Bearer " + token(principal));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
          response.headers().firstValue("X-Idempotent-Replay").orElse(null), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply execute(String principal, String body, String... headers) {
    return send("POST", "/intent/execute-wasm", principal, body, headers);
  }

  Reply get(String path, String principal, String... headers) {
    return send("GET", path, principal, null, headers);
  }

  /** Opens the events endpoint as {@code principal} (null: no credentials) with extra headers. */
  SseTestClient events(String principal, String query, String... headers) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>();
    if (principal != null) {
      all.addAll(List.of("Authorization", "Bearer " + token(principal)));
    }
    all.addAll(List.of(headers));
    return SseTestClient.open(URI.create(base + "/intent/execute-wasm/events" + (query == null ? "" : "?" + query)),
        all.toArray(String[]::new));
  }

  @Override
  public void close() {
    app.close();
  }

  /** A response: status, the Retry-After and X-Idempotent-Replay headers, the body. */
  record Reply(int status, String retryAfter, String replay, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    String code() {
      return json().at("/error/code").asString("");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
