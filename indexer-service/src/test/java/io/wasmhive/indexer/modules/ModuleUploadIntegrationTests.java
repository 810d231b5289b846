package io.wasmhive.indexer.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.indexer.modules.IndexerHttp.Reply;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.platform.testing.httpfuzz.FuzzRequest;
import io.wasmhive.platform.testing.httpfuzz.FuzzResponse;
import io.wasmhive.platform.testing.httpfuzz.RawHttp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Uploads and look-ups over real HTTP, on the embedded MongoDB stand-in. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/modules", "indexer.modules.max-size=1MB",
    "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=2MB",
    // A day's upload limit far below what these tests upload: local mode (every test here) does not count.
    "indexer.modules.max-upload-bytes-per-day=1KB"})
class ModuleUploadIntegrationTests {

  static final int LIMIT = 1024 * 1024;

  @LocalServerPort
  int port;

  @Autowired
  ModuleStore store;

  IndexerHttp http;

  @BeforeEach
  void client() {
    http = new IndexerHttp(port);
  }

  @Test
  void anUploadAnswersTheCidsIpfsAddPrintsAndStoringTwiceIsANoOp() {
    byte[] wasm = IndexerHttp.moduleOfSize(5_000);
    Reply first = http.postBytes("/modules", wasm);
    assertThat(first.status()).as(new String(first.bytes())).isEqualTo(201);
    assertThat(first.json().propertyNames()).containsExactly("sha256", "cid_v0", "cid_v1", "size");
    assertThat(first.json().get("sha256").asString()).isEqualTo(ModuleAddresses.sha256(wasm));
    assertThat(first.json().get("cid_v0").asString()).isEqualTo(UnixFsImporter.cidV0().cidOf(wasm).toString());
    assertThat(first.json().get("cid_v1").asString()).isEqualTo(Cid.rawOf(wasm).toString()).startsWith("bafkrei");
    assertThat(first.json().get("size").asLong()).isEqualTo(5_000);

    Reply again = http.postMultipart("/modules", wasm);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
  }

  @Test
  void theSizeLimitHoldsAtItsEdgeForBothUploadForms() {
    assertThat(http.postBytes("/modules", IndexerHttp.moduleOfSize(LIMIT)).status()).isEqualTo(201);
    assertThat(http.postMultipart("/modules", IndexerHttp.moduleOfSize(LIMIT)).status()).isEqualTo(201);
    byte[] over = IndexerHttp.moduleOfSize(LIMIT + 1);
    assertError(http.postBytes("/modules", over), 413, "PAYLOAD_TOO_LARGE");
    assertError(http.postMultipart("/modules", over), 413, "PAYLOAD_TOO_LARGE");
    assertThat(store.find(ModuleAddresses.sha256(over))).isEmpty();
  }

  @Test
  void localModeUploadsAreNotCountedAgainstTheDailyLimit() {
    assertThat(http.postBytes("/modules", IndexerHttp.moduleOfSize(5_000)).status()).isEqualTo(201);
    assertThat(http.postMultipart("/modules", IndexerHttp.moduleOfSize(5_000)).status()).isEqualTo(201);
  }

  @Test
  void bytesThatAreNotWebAssemblyAreRefusedAndNothingIsStored() {
    byte[] text = "this is not wasm".getBytes();
    assertError(http.postBytes("/modules", text), 400, "NOT_WASM");
    assertError(http.postMultipart("/modules", text), 400, "NOT_WASM");
    assertError(http.postBytes("/modules", new byte[0]), 400, "BAD_REQUEST");
    assertThat(store.find(ModuleAddresses.sha256(text))).isEmpty();
    assertThat(http.get("/readyz").status()).isEqualTo(200);
  }

  @Test
  void aTruncatedMultipartUploadIsABadRequestAndStoresNothing() throws Exception {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md): it was a 500 "internal error: MultipartException".
    byte[] module = IndexerHttp.moduleOfSize(5_000);
    byte[] head = "--b\r\nContent-Disposition: form-data; name=\"wasm\"; filename=\"m.wasm\"\r\n\r\n".getBytes();
    byte[] truncated = java.util.Arrays.copyOf(head, head.length + 2_000);
    System.arraycopy(module, 0, truncated, head.length, 2_000);
    RawHttp raw = new RawHttp(port, java.time.Duration.ofSeconds(10));
    for (String type : java.util.List.of("multipart/form-data; boundary=b", "multipart/form-data")) {
      FuzzResponse reply = raw.send(FuzzRequest.of("POST", "/modules").body(type, truncated));
      assertThat(reply.status()).as(reply.describe()).isEqualTo(400);
      assertThat(reply.text()).contains("\"code\":\"BAD_REQUEST\"").contains("the multipart body is not valid")
          .doesNotContain("Exception");
    }
    assertThat(store.find(ModuleAddresses.sha256(module))).isEmpty();
  }

  @Test
  void modulesThatAreNotValidAreRefusedWithTheReasonAndNothingIsStored() {
    byte[] bypass = IndexerHttp.callsOnePastItsFunctions();
    Reply body = http.postBytes("/modules", bypass);
    assertError(body, 422, "INVALID_MODULE");
    assertThat(body.json().get("error").get("message").asString())
        .isEqualTo("not a valid module: INVALID_MODULE: unknown function 1 in function 0 at offset 0x17");
    assertError(http.postMultipart("/modules", bypass), 422, "INVALID_MODULE");
    Reply simd = http.postBytes("/modules", IndexerHttp.guest("hostile-simd.wasm"));
    assertError(simd, 422, "INVALID_MODULE");
    assertThat(simd.json().get("error").get("message").asString())
        .contains("UNSUPPORTED_FEATURE: uses SIMD (`f64x2.splat` in function 0 at 0x").endsWith("SIMD is off, see WASM_FEATURES");
    assertThat(store.find(ModuleAddresses.sha256(bypass))).isEmpty();
    assertThat(http.postBytes("/modules", IndexerHttp.guest("wat-add.wasm")).status()).isIn(200, 201);
  }

  @Test
  void aModuleIsFoundBySha256EveryCidFormAndAlias() {
    byte[] wasm = IndexerHttp.moduleOfSize(700 * 1024);
    String sha = http.postBytes("/modules", wasm).json().get("sha256").asString();
    store.put(wasm, ModuleOrigin.of("test").withAlias("0xfeedbeef-" + sha));
    var module = http.get("/modules/" + sha).json();
    String v0 = module.get("cid_v0").asString();
    assertThat(module.get("cid_v1").asString()).startsWith("bafybei");
    for (String ref : new String[] {sha, v0, Cid.parse(v0).toV1().toString(), module.get("cid_v1").asString(),
        "0xfeedbeef-" + sha}) {
      Reply r = http.get("/modules/" + ref);
      assertThat(r.status()).as(ref).isEqualTo(200);
      assertThat(r.json().get("sha256").asString()).isEqualTo(sha);
    }
    assertThat(module.get("sources").toString()).contains("upload");
    assertError(http.get("/modules/" + ModuleAddresses.sha256(new byte[] {1})), 404, "NOT_FOUND");
  }

  @Test
  void listingIsPagedNewestFirstAndChecksItsParameters() {
    String older = http.postBytes("/modules", IndexerHttp.moduleOfSize(3_000)).json().get("sha256").asString();
    Instant olderAt = Instant.parse(http.get("/modules/" + older).json().get("stored_at").asString());
    // Distinct storedAt values: the store keeps milliseconds.
    await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(olderAt.plusMillis(1)));
    String newer = http.postBytes("/modules", IndexerHttp.moduleOfSize(3_000)).json().get("sha256").asString();
    var page = http.get("/modules?offset=0&limit=2").json();
    assertThat(page.get("modules").get(0).get("sha256").asString()).isEqualTo(newer);
    assertThat(page.get("modules").get(1).get("sha256").asString()).isEqualTo(older);
    assertThat(page.get("count").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(http.get("/modules?offset=1&limit=1").json().get("modules").get(0).get("sha256").asString())
        .isEqualTo(older);
    assertError(http.get("/modules?limit=0"), 400, "BAD_REQUEST");
    assertError(http.get("/modules?limit=1001"), 400, "BAD_REQUEST");
    assertError(http.get("/modules?offset=-1"), 400, "BAD_REQUEST");
    assertError(http.get("/modules?limit=x"), 400, "BAD_REQUEST");
  }

  static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as(new String(reply.bytes())).isEqualTo(status);
    assertThat(reply.code()).isEqualTo(code);
  }
}
