package io.wasmhive.relay.identity;

import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.relay.identity.SecureRelay.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Secure mode behind a trusted proxy (the test client's loopback address): the seed's {@code user_id} header names
 * the user only because platform-infra's trusted-proxy filter made it the authenticated caller, and
 * {@code relay.identity.header-enabled} has no effect (said once at start-up).
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustedProxyIdentityIntegrationTests {

  @TempDir
  static Path dataDir;

  static SecureRelay relay;
  static StoredModule add;

  @BeforeAll
  static void start() {
    relay = new SecureRelay(dataDir,
        "wasmhive.security.header-identity.enabled=true",
        "wasmhive.security.header-identity.trusted-proxies=127.0.0.1/32",
        "relay.identity.header-enabled=true",
        "relay.rate-limit.limit=1000");
    add = store(relay.app, "wat-add.wasm");
  }

  @AfterAll
  static void stop() {
    relay.close();
  }

  @Test
  void theProxysUserHeaderIsTheCallerAndKeysItsResults() {
    Reply run = relay.execute(null, "{\"cid\":\"" + add.cidV1() + "\",\"inputs\":[4,5]}", "user_id", "proxied");
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    String id = run.json().get("request_id").asString();
    assertThat(relay.get("/intent/execute-wasm/" + id, null, "user_id", "proxied").status()).isEqualTo(200);
    assertThat(relay.get("/intent/execute-wasm/" + id, null, "user_id", "someone").status()).isEqualTo(404);
    // An API key wins over the headers: the key's principal is the caller.
    assertThat(relay.get("/intent/execute-wasm/" + id, "someone", "user_id", "proxied").status()).isEqualTo(404);
    // Without the header there is no caller at all.
    assertThat(relay.get("/intent/execute-wasm/" + id, null).status()).isEqualTo(401);
  }

  @Test
  void relayHeaderIdentityIsIgnoredAndSaidSoAtStartUp(CapturedOutput output) {
    assertThat(relay.app.getBean(IdentityResolver.class).headerEnabled()).isFalse();
    assertThat(relay.app.getBean(IdentityResolver.class).secure()).isTrue();
    assertThat(output.getAll()).contains("relay.identity.header-enabled has no effect in secure mode");
  }
}
