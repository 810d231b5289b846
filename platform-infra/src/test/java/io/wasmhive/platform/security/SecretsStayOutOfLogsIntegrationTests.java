package io.wasmhive.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.app.SecuredApp;
import io.wasmhive.platform.testing.RedisTestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Planted secrets — a Redis password in the store's URI, API keys valid, wrong and revoked, JWTs valid and expired —
 * appear in no line the service logs, with Spring Security, Spring MVC and the platform at DEBUG. (The full test
 * run's log is grepped for the same kinds of secret by scripts/check-log-secrets.sh.)
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsIntegrationTests {

  static final String REDIS_SECRET = "wasmhive-planted-redis-secret";

  @TempDir
  Path dataDir;

  @Test
  void noPlantedSecretReachesTheLog(CapturedOutput output) throws Exception {
    try (RedisTestServer redis = RedisTestServer.startWithPassword(REDIS_SECRET);
        ConfigurableApplicationContext app = SecuredApp.start(dataDir, "wasmhive.security.mode=secure",
            "spring.data.redis.url=redis://:" + REDIS_SECRET + "@127.0.0.1:" + redis.port(),
            "logging.level.org.springframework.security=DEBUG", "logging.level.org.springframework.web=DEBUG",
            "logging.level.io.wasmhive=DEBUG", "logging.level.io.lettuce.core=DEBUG")) {
      app.getBean(StringRedisTemplate.class).opsForValue().set("planted", "yes");
      assertThat(app.getBean(StringRedisTemplate.class).opsForValue().get("planted")).isEqualTo("yes");
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
      ApiKeys keys = app.getBean(ApiKeys.class);
      String valid = keys.issue("alice", "acme", List.of()).token();
      IssuedApiKey revoked = keys.issue("bob", "acme", List.of());
      keys.revoke(revoked.key().id());
      String wrong = valid.substring(0, valid.length() - 2) + "zz";
      for (String token : List.of(valid, revoked.token(), wrong, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")) {
        http.get("/whoami", "Authorization", "Bearer " + token);
        http.send("POST", "/write", "{}", "Authorization", "Bearer " + token);
      }
      assertThat(http.get("/whoami", "Authorization", "Bearer " + valid).statusCode()).isEqualTo(200);

      assertThat(output.getAll()).as("the DEBUG log ran").contains("DEBUG")
          .doesNotContain(REDIS_SECRET)
          .doesNotContain(valid).doesNotContain(revoked.token()).doesNotContain(wrong)
          .doesNotContain(valid.substring(valid.lastIndexOf('_') + 1))
          .doesNotContain("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0");
    }
  }
}
