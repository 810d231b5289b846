package io.wasmhive.relay.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The names API over real HTTP, on the embedded MongoDB stand-in and the shared module store. */
@ServiceIntegrationTest
class NamesApiIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  ModuleStore store;

  @Test
  void registerReadAndLatest() throws Exception {
    StoredModule add = module("wat-add.wasm");
    StoredModule cadd = module("c-add.wasm");
    String name = uniqueName();

    Reply created = post(name, "quantum", add.cidV0(), "alice");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("glyph").asString()).isEqualTo("glyph://" + name + "@quantum");
    assertThat(created.json().get("cid").asString()).isEqualTo(Cid.parse(add.cidV0()).toV1().toString());
    assertThat(created.json().get("sha256").asString()).isEqualTo(add.sha256());
    assertThat(created.json().get("owner").asString()).isEqualTo("alice");
    assertThat(post(name, "quantum", add.cidV1(), "bob").status()).isEqualTo(200);
    assertThat(post(name, "2.0.0", cadd.cidV1(), "alice").status()).isEqualTo(201);

    assertThat(get("/names/" + name + "/quantum").json().get("sha256").asString()).isEqualTo(add.sha256());
    assertThat(get("/names/" + name + "/latest").json().get("version").asString()).isEqualTo("2.0.0");
    JsonNode versions = get("/names/" + name).json();
    assertThat(versions.get("latest").asString()).isEqualTo("2.0.0");
    assertThat(versions.get("versions").valueStream().map(v -> v.get("version").asString()))
        .containsExactly("2.0.0", "quantum");
  }

  @Test
  void aTakenNameAndVersionIs409() throws Exception {
    String name = uniqueName();
    assertThat(post(name, "1.0.0", module("wat-add.wasm").cidV1(), "alice").status()).isEqualTo(201);
    Reply conflict = post(name, "1.0.0", module("c-add.wasm").cidV1(), "bob");
    assertThat(conflict.status()).isEqualTo(409);
    assertError(conflict, "NAME_TAKEN", "already registered");
  }

  @Test
  void anUnknownModuleOrNameIs404() throws Exception {
    String missing = Cid.rawOf(new byte[] {0, 'a', 's', 'm', 9, 9}).toString();
    Reply noModule = post(uniqueName(), "1.0.0", missing, "alice");
    assertThat(noModule.status()).isEqualTo(404);
    assertError(noModule, "MODULE_NOT_FOUND", missing);
    assertError(get("/names/nobody-" + uniqueName()), "NAME_NOT_FOUND", "no glyph named");
    assertThat(get("/names/nobody-" + uniqueName() + "/1.0.0").status()).isEqualTo(404);
    assertThat(get("/names/nobody-" + uniqueName() + "/latest").status()).isEqualTo(404);
  }

  @Test
  void invalidRequestsAre400() throws Exception {
    String cid = module("wat-add.wasm").cidV1();
    assertError(post("Upper", "1.0.0", cid, "a"), "INVALID_NAME", "lower-case");
    assertError(post("a".repeat(65), "1.0.0", cid, "a"), "INVALID_NAME", "1 to 64");
    assertThat(post("a".repeat(64), "v" + ThreadLocalRandom.current().nextInt(1_000_000), cid, "a").status())
        .isIn(200, 201);
    assertError(post(uniqueName(), "latest", cid, "a"), "INVALID_NAME", "'latest' is not a version");
    assertError(post(uniqueName(), "1.0.0", "Qmnope", "a"), "INVALID_CID", "not a CID");
    assertError(post(uniqueName(), "1.0.0", null, "a"), "INVALID_CID", "missing");
    assertError(send(request("/names").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{not json"))), "INVALID_REQUEST", "not valid");
    assertError(get("/names/UPPER"), "INVALID_NAME", "lower-case");
    assertError(get("/names?limit=1001"), "INVALID_REQUEST", "limit between 1 and 1000");
    assertError(get("/names?offset=-1"), "INVALID_REQUEST", "offset");
    assertError(get("/names?limit=x"), "INVALID_REQUEST", "parameter 'limit' is not valid");
    Reply wrongType = send(request("/names").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": [\"calc\"], \"version\": \"1.0.0\"}")));
    assertError(wrongType, "INVALID_REQUEST", "'name' is missing or has the wrong type");
    assertThat(wrongType.json().at("/error/message").asString()).as("no Java type names")
        .doesNotContain("java.", "`", "io.wasmhive");
  }

  @Test
  void inLocalModeEveryCallerIsAnAdministratorOfNamesAndNoHeaderIsAnonymous() throws Exception {
    String name = uniqueName();
    String cid = module("wat-add.wasm").cidV1();
    assertThat(post(name, "1.0.0", cid, "alice").status()).isEqualTo(201);
    // Local mode (this test's loopback instance): ownership never refuses, as before names had owners.
    Reply other = post(name, "1.1.0", cid, "bob");
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    assertThat(other.json().get("owner").asString()).isEqualTo("bob");
    String body = JSON.createObjectNode().put("name", name).put("version", "1.2.0").put("cid", cid).toString();
    Reply anonymous = send(request("/names").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(201);
    assertThat(anonymous.json().get("owner").asString()).isEqualTo("anonymous");
  }

  @Test
  void listingPages() throws Exception {
    String cid = module("wat-add.wasm").cidV1();
    String name = uniqueName();
    for (int i = 0; i < 3; i++) {
      assertThat(post(name, "1.0." + i, cid, "a").status()).isEqualTo(201);
    }
    JsonNode page = get("/names?offset=0&limit=1000").json();
    assertThat(page.get("success").asBoolean()).isTrue();
    assertThat(page.get("count").asLong()).isGreaterThanOrEqualTo(3);
    List<String> mine = page.get("names").valueStream().filter(n -> n.get("name").asString().equals(name))
        .map(n -> n.get("version").asString()).toList();
    assertThat(mine).containsExactly("1.0.2", "1.0.1", "1.0.0");
    assertThat(get("/names?offset=0&limit=1").json().get("names").size()).isEqualTo(1);
    assertThat(get("/names?offset=100000&limit=1").json().get("names").size()).isZero();
  }

  private static void assertError(Reply reply, String code, String message) {
    assertThat(reply.status()).isBetween(400, 499);
    JsonNode body = reply.json();
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("error").get("code").asString()).isEqualTo(code);
    assertThat(body.get("error").get("message").asString()).contains(message);
  }

  private StoredModule module(String file) throws IOException {
    return store.put(GuestCorpus.bytes(file),
        ModuleOrigin.of("test"));
  }

  private static String uniqueName() {
    return "n" + ThreadLocalRandom.current().nextInt(1_000_000_000);
  }

  record Reply(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private Reply post(String name, String version, String cid, String user) throws Exception {
    String body = JSON.createObjectNode().put("name", name).put("version", version).put("cid", cid).toString();
    return send(request("/names").header("Content-Type", "application/json").header("user_id", user)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Reply get(String path) throws Exception {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private static Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }
}
