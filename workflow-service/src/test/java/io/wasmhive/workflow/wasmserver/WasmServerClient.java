package io.wasmhive.workflow.wasmserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Real HTTP calls to the WASM server API of a running service, and the fixtures' files. */
final class WasmServerClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  WasmServerClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Answer(int status, JsonNode body, String raw) {

    /** The body without {@code durationMs}, which differs on every run. */
    JsonNode withoutDuration() {
      ObjectNode copy = (ObjectNode) body.deepCopy();
      copy.remove("durationMs");
      return copy;
    }
  }

  Answer post(String body) {
    return post(body.getBytes(StandardCharsets.UTF_8));
  }

  Answer post(byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/wasm/run"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return send(request);
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), JSON.readTree(response.body()), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request for a module with everything else as given ({@code null} members are left out). */
  static ObjectNode request(String jobId, byte[] wasm, Object input, Number timeoutMs) {
    ObjectNode node = JSON.createObjectNode();
    node.put("jobId", jobId);
    node.put("wasmB64", Base64.getEncoder().encodeToString(wasm));
    if (input != null) {
      node.set("input", JSON.valueToTree(input));
    }
    if (timeoutMs != null) {
      node.set("timeoutMs", JSON.valueToTree(timeoutMs));
    }
    return node;
  }

  static String fixture(String name) {
    try (InputStream in = WasmServerClient.class.getResourceAsStream("/wasm-server/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
