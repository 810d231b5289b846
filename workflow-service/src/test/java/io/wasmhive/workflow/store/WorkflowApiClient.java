package io.wasmhive.workflow.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the workflow API on a port, bodies as exact bytes, optionally with a bearer token. */
public final class WorkflowApiClient {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;
  private final String token;

  public WorkflowApiClient(int port) {
    this(port, null);
  }

  private WorkflowApiClient(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** A client that sends {@code Authorization: Bearer <token>} with every request of its own. */
  public WorkflowApiClient withBearer(String bearerToken) {
    return new WorkflowApiClient(port, bearerToken);
  }

  public HttpResponse<String> post(String path, byte[] body) {
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public HttpResponse<String> post(String path, String body) {
    return post(path, body.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> get(String path) {
    return send(builder(path).GET().build());
  }

  /** A request to the path, with the client's token when it has one. */
  public HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
