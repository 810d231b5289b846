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

/** Secure mode behind a gateway on 127.0.0.1 (the trusted proxy): its identity headers name the caller. */
class TrustedProxyIntegrationTests {

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext app;
  static Http http;

  @BeforeAll
  static void start() {
    app = SecuredApp.start(dataDir, "wasmhive.security.mode=secure", "wasmhive.security.api-keys.enabled=false",
        "wasmhive.security.header-identity.enabled=true",
        "wasmhive.security.header-identity.trusted-proxies=127.0.0.1/32");
    http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theTrustedProxysHeadersNameThePrincipalTenantAndRoles() {
    assertThat(http.get("/whoami", "user_id", "alice", "tenant_id", "acme", "roles", "modules:write, admin").body())
        .isEqualTo("{\"principal\":\"alice\",\"tenant\":\"acme\",\"roles\":[\"admin\",\"modules:write\"],"
            + "\"source\":\"TRUSTED_HEADER\"}");
    assertThat(http.get("/whoami", "user_id", "bob").body()).contains("\"tenant\":\"bob\"").contains("\"roles\":[]");
  }

  @Test
  void withoutAUsableUserHeaderOrWithAnyBearerTokenTheHeadersCountForNothing() {
    assertThat(http.get("/whoami").statusCode()).isEqualTo(401);
    assertThat(http.get("/whoami", "user_id", "has space").statusCode()).isEqualTo(401);
    HttpResponse<String> keyWhileKeysAreOff = http.get("/whoami", "user_id", "alice", "Authorization",
        "Bearer whk_" + "a".repeat(12) + "_" + "b".repeat(43));
    assertThat(keyWhileKeysAreOff.statusCode()).isEqualTo(401);
  }
}
