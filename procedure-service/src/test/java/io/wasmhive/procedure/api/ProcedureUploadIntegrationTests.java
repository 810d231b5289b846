package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The uploads without base64, multipart and raw {@code application/wasm}, over real HTTP. */
@ServiceIntegrationTest
// A limit of one procedure per tenant, which local mode (every test here) does not apply.
// A data directory of its own: its properties differ from ProcedureMetricsIntegrationTests', so the contexts differ.
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/upload-local",
    "procedure.max-procedures-per-tenant=1"})
class ProcedureUploadIntegrationTests {

  static final String META = "{\"name\":\"calculate_discount\",\"language\":\"wasm\",\"params\":["
      + "{\"name\":\"price\",\"data_type\":\"FLOAT\"},{\"name\":\"tier\",\"data_type\":\"INT\"}],"
      + "\"return_type\":\"FLOAT\",\"description\":\"Calculate discount based on tier\"}";

  @LocalServerPort
  int port;

  HttpProbe http;

  @BeforeEach
  void database() {
    http = new HttpProbe(port, "it-" + UUID.randomUUID());
  }

  @Test
  void aMultipartUploadCreatesACallableProcedure() {
    Reply created = http.postMultipart("/procedures", bytes("c-add.wasm"), Map.of("meta", META));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.fields()).containsExactly("name", "message", "latency_ms");
    assertThat(created.body().get("message").asString()).isEqualTo("Procedure created successfully");
    assertThat(call("calculate_discount", "[100.0, 2]").get("result").asDouble()).isEqualTo(90.0);
    Reply one = http.get("/procedures/calculate_discount");
    assertThat(one.body().get("size").asInt()).isEqualTo(bytes("c-add.wasm").length);
    assertThat(one.body().get("description").asString()).isEqualTo("Calculate discount based on tier");
  }

  @Test
  void localModeKeepsNoProcedureLimit() {
    for (String name : new String[] {"first", "second"}) {
      Reply created = http.post("/procedures?name=" + name + "&entry=add&params=a:INT,b:INT&return_type=INT",
          "application/wasm", bytes("c-add.wasm"));
      assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }
    assertThat(http.get("/procedures").body().get("count").asInt()).isEqualTo(2);
  }

  @Test
  void badMultipartPartsAreBadRequestsAndStoreNothing() {
    assertError(http.postMultipart("/procedures", null, Map.of("meta", META)), 400, "BAD_REQUEST");
    assertError(http.postMultipart("/procedures", bytes("c-add.wasm"), Map.of()), 400, "BAD_REQUEST");
    assertError(http.postMultipart("/procedures", bytes("c-add.wasm"), Map.of("meta", "{not json")), 400,
        "BAD_REQUEST");
    assertError(http.postMultipart("/procedures", bytes("c-add.wasm"),
        Map.of("meta", META.replace("\"language\"", "\"wasm_base64\":\"AGFzbQ==\",\"language\""))), 400, "BAD_REQUEST");
    assertError(http.postMultipart("/procedures", bytes("not-wasm.bin"), Map.of("meta", META)), 400, "INVALID_WASM");
    assertError(http.postMultipart("/procedures", bytes("c-add.wasm"),
        Map.of("meta", META.replace("\"FLOAT\"}", "\"TEXTUAL\"}"))), 400, "BAD_REQUEST");
    assertThat(http.get("/procedures").body().get("count").asInt()).isZero();
  }

  @Test
  void aRawWasmBodyWithQueryMetadataCreatesACallableProcedure() {
    Reply created = http.post("/procedures?name=calculate_discount&params=price:FLOAT,tier:INT&return_type=FLOAT"
        + "&description=" + URLEncoder.encode("raw upload", StandardCharsets.UTF_8), "application/wasm",
        bytes("c-add.wasm"));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(call("calculate_discount", "[100.0, 2]").get("result").asDouble()).isEqualTo(90.0);

    Reply again = http.post("/procedures?name=calculate_discount&params=price:FLOAT,tier:INT&return_type=FLOAT",
        "application/wasm", bytes("c-add.wasm"));
    assertError(again, 409, "ALREADY_EXISTS");
    Reply replaced = http.post("/procedures?name=calc&entry=add&params=a:INT,b:INT&return_type=INT&replace=true",
        "application/wasm", bytes("c-add.wasm"));
    assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(201);
    assertThat(call("calc", "[2, 3]").get("result").asInt()).isEqualTo(5);
  }

  @Test
  void badRawUploadsAreBadRequestsAndStoreNothing() {
    byte[] wasm = bytes("c-add.wasm");
    assertError(http.post("/procedures?name=x&params=a-INT&return_type=INT&entry=add", "application/wasm", wasm),
        400, "BAD_REQUEST");
    assertError(http.post("/procedures?name=x&params=a:INT,b:INT&return_type=INT&entry=add&replace=maybe",
        "application/wasm", wasm), 400, "BAD_REQUEST");
    assertError(http.post("/procedures?name=x&params=a:INT,b:INT&entry=add&max_time_ms=soon&return_type=INT",
        "application/wasm", wasm), 400, "BAD_REQUEST");
    assertError(http.post("/procedures?params=a:INT,b:INT&return_type=INT&entry=add", "application/wasm", wasm),
        400, "BAD_REQUEST");
    assertError(http.post("/procedures?name=x&params=a:INT&return_type=INT", "application/wasm", new byte[0]),
        400, "BAD_REQUEST");
    assertError(http.post("/procedures?name=x&params=a:INT,b:FLOAT&return_type=INT&entry=add", "application/wasm",
        wasm), 400, "TYPE_MISMATCH");
    assertThat(http.get("/procedures").body().get("count").asInt()).isZero();
  }

  @Test
  void aTruncatedMultipartUploadIsABadRequestInTheErrorShapeAndStoresNothing() {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md): it was a 500 INTERNAL_ERROR (MultipartException).
    String head = "--b\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n" + META
        + "\r\n--b\r\nContent-Disposition: form-data; name=\"wasm\"; filename=\"m.wasm\"\r\n\r\n";
    byte[] truncated = java.util.Arrays.copyOf(head.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        head.length() + 4);
    System.arraycopy(bytes("c-add.wasm"), 0, truncated, head.length(), 4);
    Reply reply = http.post("/procedures", "multipart/form-data; boundary=b", truncated);
    assertError(reply, 400, "BAD_REQUEST");
    assertThat(reply.errorMessage()).startsWith("the multipart body is not valid").doesNotContain("Exception");
    assertError(http.post("/procedures", "multipart/form-data", truncated), 400, "BAD_REQUEST");
    assertThat(http.get("/procedures").body().get("count").asInt()).isZero();
  }

  private tools.jackson.databind.JsonNode call(String name, String args) {
    Reply reply = http.post("/procedures/" + name + "/call", "{\"args\": " + args + "}");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    return reply.body();
  }

  private static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.fields()).containsExactly("error");
    assertThat(reply.errorCode()).as(reply.raw().body()).isEqualTo(code);
    assertThat(reply.errorMessage()).isNotBlank();
  }
}
