package io.wasmhive.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.app.SecuredApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Local mode on loopback (the default of {@code scripts/run-local.sh}): no credentials, every caller the local
 * administrator; other host names and browser origins refused, one origin configured as allowed.
 */
class LocalModeIntegrationTests {

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext app;
  static Http http;
  static int port;

  @BeforeAll
  static void start() {
    app = SecuredApp.start(dataDir, "wasmhive.security.cors-allowed-origins=http://dashboard.example");
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
    http = new Http(port);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyCallerIsTheLocalAdministratorNamedByTheSeedsUserHeader() {
    assertThat(app.getBean(EffectiveSecurity.class).local()).isTrue();
    assertThat(http.get("/whoami").body())
        .isEqualTo("{\"principal\":\"local\",\"tenant\":\"local\",\"roles\":[\"admin\"],\"source\":\"LOCAL\"}");
    assertThat(http.get("/whoami", "user_id", "bob").body()).contains("\"principal\":\"bob\"");
    assertThat(http.get("/whoami", "user_id", "bad value with spaces").body())
        .contains("\"principal\":\"local\"");
  }

  @Test
  void aRequestNamingAnotherHostIsRefusedSoDnsRebindingReachesNothing() throws Exception {
    int writes = SecuredApp.WRITES.get();
    String refused = http.raw("POST /write HTTP/1.1\r\nHost: attacker.example:" + port
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assertThat(refused).startsWith("HTTP/1.1 403").contains("\"code\":\"ORIGIN_NOT_ALLOWED\"");
    String allowed = http.raw("POST /write HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assertThat(allowed).startsWith("HTTP/1.1 200");
    assertThat(SecuredApp.WRITES.get()).isEqualTo(writes + 1);
  }

  @Test
  void aPageOfAnotherOriginCannotPostEvenWithoutAPreflight() {
    int writes = SecuredApp.WRITES.get();
    HttpResponse<String> refused = http.send("POST", "/write", "{}", "Origin", "http://evil.example");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"code\":\"ORIGIN_NOT_ALLOWED\"");
    HttpResponse<String> preflight = http.send("OPTIONS", "/write", null, "Origin", "http://evil.example",
        "Access-Control-Request-Method", "POST");
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(SecuredApp.WRITES.get()).isEqualTo(writes);

    HttpResponse<String> allowed = http.send("POST", "/write", "{}", "Origin", "http://dashboard.example");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://dashboard.example");
    assertThat(SecuredApp.WRITES.get()).isEqualTo(writes + 1);
  }
}
