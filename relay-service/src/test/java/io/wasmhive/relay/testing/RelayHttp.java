package io.wasmhive.relay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client of one relay, sending the seed's identity headers. */
public final class RelayHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public RelayHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public String base() {
    return base;
  }

  /** POST /intent/execute-wasm as {@code user}. */
  public Reply execute(String user, String json) {
    return post("/intent/execute-wasm", user, "application/json", json);
  }

  public Reply post(String path, String user, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("user_id", user).header("session_id", "session-of-" + user);
    }
    return send(request.build());
  }

  public Reply get(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .GET();
    if (user != null) {
      request.header("user_id", user);
    }
    return send(request.build());
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, headers, body text. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
