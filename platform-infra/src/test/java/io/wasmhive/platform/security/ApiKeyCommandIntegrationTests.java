package io.wasmhive.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.app.SecuredApp;
import io.wasmhive.platform.testing.ApiKeyCommandContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The first administrator's key from the command line, then used against the service on the same store. */
class ApiKeyCommandIntegrationTests {

  @TempDir
  Path dataDir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return ApiKeyCommand.execute(SecuredApp.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void createPrintsTheTokenOnceAndTheServiceAcceptsIt() {
    int status = run("create", "--principal", "ops", "--tenant", "ops", "--roles", "admin,modules:write",
        "--wasmhive.data-dir=" + dataDir, "--wasmhive.embedded.mongo.port=0", "--wasmhive.embedded.redis.port=0",
        "--server.address=127.0.0.1", ApiKeyCommandContract.KEEP_CONSOLE_LOG);
    assertThat(status).isZero();
    String token = out.toString(StandardCharsets.UTF_8).trim();
    assertThat(token).as("standard output is the token alone").matches("whk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("issued").contains("shown only this once")
        .doesNotContain(token);

    try (ConfigurableApplicationContext app = SecuredApp.start(dataDir, "wasmhive.security.mode=secure")) {
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
      assertThat(http.get("/whoami", "Authorization", "Bearer " + token).body())
          .contains("\"principal\":\"ops\"").contains("\"admin\"");
    }
  }

  @Test
  void wrongArgumentsSayHowToCallItAndIssueNothing() {
    assertThat(run("create", "--principal", "ops")).isEqualTo(2);
    assertThat(run("delete")).isEqualTo(2);
    assertThat(run("create", "--principal", "ops", "--tenant")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: api-key create --principal");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
