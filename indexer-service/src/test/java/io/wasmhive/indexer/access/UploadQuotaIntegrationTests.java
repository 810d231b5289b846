package io.wasmhive.indexer.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.indexer.modules.IndexerHttp;
import io.wasmhive.indexer.modules.IndexerHttp.Reply;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/** The upload bytes per principal and day, at and just past the limit, counted in the real Redis. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"wasmhive.security.mode=secure", "wasmhive.data-dir=target/it-data-idx-quota",
    "wasmhive.security.api-keys.hash-strength=4", "indexer.modules.max-upload-bytes-per-day=10000"})
class UploadQuotaIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys apiKeys;

  @Autowired
  ModuleStore store;

  @Autowired
  StringRedisTemplate redis;

  @Test
  void uploadsUpToTheLimitPassAndTheNextIsRefused() {
    String principal = "uploader-" + UUID.randomUUID();
    IndexerHttp http = writer(principal);
    assertThat(http.postBytes("/modules", IndexerHttp.moduleOfSize(4_000)).status()).isEqualTo(201);
    assertThat(http.postMultipart("/modules", IndexerHttp.moduleOfSize(6_000)).status()).isEqualTo(201);
    byte[] past = IndexerHttp.moduleOfSize(1_000);
    Reply refused = http.postBytes("/modules", past);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("UPLOAD_QUOTA_EXCEEDED");
    assertThat(refused.json().get("error").get("message").asString()).contains("10000");
    assertThat(http.postMultipart("/modules", past).code()).isEqualTo("UPLOAD_QUOTA_EXCEEDED");
    assertThat(store.find(ModuleAddresses.sha256(past))).isEmpty();

    String key = "indexer:upload-bytes:" + LocalDate.now(ZoneOffset.UTC) + ":" + principal;
    assertThat(redis.opsForValue().get(key)).isEqualTo("10000");
    assertThat(redis.getExpire(key)).isPositive();
    assertThat(writer("other-" + UUID.randomUUID()).postBytes("/modules", past).status()).isEqualTo(201);
  }

  @Test
  void anUploadJustPastTheLimitIsRefusedAndCountsNothing() {
    IndexerHttp http = writer("uploader-" + UUID.randomUUID());
    assertThat(http.postBytes("/modules", IndexerHttp.moduleOfSize(4_000)).status()).isEqualTo(201);
    byte[] oneTooMany = IndexerHttp.moduleOfSize(6_001);
    assertThat(http.postBytes("/modules", oneTooMany).code()).isEqualTo("UPLOAD_QUOTA_EXCEEDED");
    assertThat(store.find(ModuleAddresses.sha256(oneTooMany))).isEmpty();
    assertThat(http.postBytes("/modules", IndexerHttp.moduleOfSize(6_000)).status()).isEqualTo(201);
  }

  private IndexerHttp writer(String principal) {
    return new IndexerHttp(port, apiKeys.issue(principal, "t", List.of(Roles.MODULES_WRITE)).token());
  }
}
