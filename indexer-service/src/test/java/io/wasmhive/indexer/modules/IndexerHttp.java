package io.wasmhive.indexer.modules;

import io.wasmhive.guests.GuestCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the indexer's API in tests, plus real guest modules to feed it. */
public final class IndexerHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  public IndexerHttp(int port) {
    this(port, null);
  }

  /** A client that sends {@code Authorization: Bearer <token>} (secure mode) unless {@code token} is null. */
  public IndexerHttp(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  /** A reply: status, raw body and, when it is JSON, the parsed body. */
  public record Reply(int status, byte[] bytes, HttpResponse<byte[]> raw) {
    public JsonNode json() {
      return JSON.readTree(bytes);
    }

    public String code() {
      return json().get("error").get("code").asString();
    }
  }

  public Reply get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public Reply head(String path) {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  /** A POST of raw bytes, as {@code curl --data-binary @m.wasm} sends them (form-urlencoded content type). */
  public Reply postBytes(String path, byte[] body) {
    return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply postJson(String path, String json) {
    return send(request(path, "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** {@code curl -F wasm=@m.wasm}. */
  public Reply postMultipart(String path, byte[] wasm) {
    String boundary = "----probe" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"wasm\"; filename=\"m.wasm\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(wasm);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path, "Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return headers.length == 0 ? b : b.headers(headers);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A committed guest module. */
  public static byte[] guest(String name) {
    return GuestCorpus.bytes(name);
  }

  /**
   * A valid module of exactly {@code size} bytes, unique to the call: c-add.wasm plus one custom section
   * (name "pad") filled with a pattern and a fresh UUID.
   */
  /**
   * A 28-byte module with the WebAssembly header that is not valid: its only function calls function 1, the index
   * the instrumenter's limit setter would get.
   */
  public static byte[] callsOnePastItsFunctions() {
    return new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 6, 1, 4, 0, 0x10, 1, 0x0B};
  }

  public static byte[] moduleOfSize(int size) {
    byte[] base = guest("c-add.wasm");
    byte[] id = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
    int payload = size - base.length - 1 - 5;
    byte[] out = Arrays.copyOf(base, size);
    int at = base.length;
    out[at++] = 0;
    at = leb5(out, at, payload);
    out[at++] = 3;
    out[at++] = 'p';
    out[at++] = 'a';
    out[at++] = 'd';
    System.arraycopy(id, 0, out, at, id.length);
    for (int i = at + id.length; i < size; i++) {
      out[i] = (byte) (i * 31 + 7);
    }
    return out;
  }

  /** An unsigned LEB128 padded to 5 bytes, so the section header has a fixed size. */
  private static int leb5(byte[] out, int at, int value) {
    for (int i = 0; i < 4; i++) {
      out[at++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) (value & 0x7f);
    return at;
  }
}
