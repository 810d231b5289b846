package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.procedure.api.HttpProbe.Reply;
import io.wasmhive.procedure.derive.engine.Reducers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The derivation endpoints for the integration tests, over {@link HttpProbe}. */
final class DerivationClient {

  static final String KV_SCHEMA = "CREATE TABLE kv (k INTEGER PRIMARY KEY, v VARCHAR(100) NOT NULL)";

  final HttpProbe http;

  DerivationClient(HttpProbe http) {
    this.http = http;
  }

  static String reducer(String name) {
    return Base64.getEncoder().encodeToString(Reducers.bytes(name));
  }

  Reply create(String name, String reducer, String schema, Map<String, Object> limits) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("wasm_base64", reducer(reducer));
    body.put("schema", schema);
    if (limits != null) {
      body.put("limits", limits);
    }
    return http.post("/derivations", json(body));
  }

  void created(String name, String reducer) {
    Reply reply = create(name, reducer, KV_SCHEMA, null);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
  }

  Reply append(String name, Object message) {
    return http.post("/derivations/" + name + "/messages", json(Map.of("message", message)));
  }

  Reply appendAll(String name, List<?> messages) {
    return http.post("/derivations/" + name + "/messages", json(Map.of("messages", messages)));
  }

  Reply query(String name, String sql, List<?> params) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sql", sql);
    if (params != null) {
      body.put("params", params);
    }
    return http.post("/derivations/" + name + "/query", json(body));
  }

  Reply status(String name) {
    return http.get("/derivations/" + name);
  }

  /** A derive-ops message: {@code "<op><text>"}. */
  static String op(char op, String text) {
    return op + text;
  }

  static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.body().toString()).isEqualTo(code);
    assertThat(reply.errorMessage()).isNotBlank();
  }
}
