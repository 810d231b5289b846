package io.wasmhive.procedure.api;

import io.wasmhive.guests.GuestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the integration tests: JSON in, status and parsed JSON out. */
final class HttpProbe {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final String database;
  private final String token;

  HttpProbe(int port, String database) {
    this(port, database, null);
  }

  /** A client that sends {@code Authorization: Bearer <token>} (secure mode) unless {@code token} is null. */
  HttpProbe(int port, String database, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.database = database;
    this.token = token;
  }

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {

    /** The names of the body's top-level fields, in order. */
    Set<String> fields() {
      return fields(body);
    }

    static Set<String> fields(JsonNode node) {
      Set<String> names = new LinkedHashSet<>();
      node.propertyNames().forEach(names::add);
      return names;
    }

    String errorCode() {
      return body.path("error").path("code").asString();
    }

    String errorMessage() {
      return body.path("error").path("message").asString();
    }
  }

  static String base64(String guest) {
    return Base64.getEncoder().encodeToString(bytes(guest));
  }

  static byte[] bytes(String guest) {
    return GuestCorpus.bytes(guest);
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  Reply post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A {@code multipart/form-data} body of one file part {@code wasm} (when not null) and text parts. */
  Reply postMultipart(String path, byte[] wasm, java.util.Map<String, String> texts) {
    String boundary = "----probe" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    if (wasm != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"wasm\"; filename=\"m.wasm\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
      out.writeBytes(wasm);
      out.writeBytes("\r\n".getBytes(utf8));
    }
    texts.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
    return post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  /** A GET whose body is text (Prometheus' exposition format). */
  String getText(String path) {
    try {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return database == null ? builder : builder.header("X-Mindb-Database", database);
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
