package io.wasmhive.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.core.ExecutableProvider;

/** The embedded redis-server's files: the append-only file, and a data directory from before it. */
class RedisProcessIntegrationTests {

  @TempDir
  Path dir;

  @Test
  void aSnapshotOnlyDirectoryKeepsItsDataAndSwitchesToTheAppendOnlyFile() throws Exception {
    int port = LocalPorts.freePort();
    // A data directory as the embedded Redis left it before ADR 0029: a snapshot, no append-only file.
    Process old = new ProcessBuilder(List.of(ExecutableProvider.newJarResourceProvider().get().toString(),
        "--bind", LocalPorts.HOST, "--port", Integer.toString(port), "--dir", dir.toString(), "--appendonly", "no"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("old.log").toFile()).start();
    while (!RedisPing.answers(port)) {
      Thread.sleep(50);
    }
    assertThat(RedisPing.command(port, 1_000, "SET", "kept", "yes")).isEqualTo("+OK");
    old.destroy();
    old.waitFor();
    assertThat(RedisPersistence.snapshotWithoutAppendOnlyFile(dir)).isTrue();

    RedisProcess redis = RedisProcess.start(port, dir, "everysec");
    try {
      assertThat(RedisPing.command(port, 1_000, "GET", "kept")).isEqualTo("$3");
      assertThat(RedisPersistence.snapshotWithoutAppendOnlyFile(dir)).isFalse();
      assertThat(dir.resolve("appendonly.aof")).isRegularFile();
      assertThat(RedisOwnerFile.readFrom(dir)).hasValueSatisfying(owner -> {
        assertThat(owner.redisPid()).isEqualTo(redis.pid());
        assertThat(owner.ownerPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(owner.orphanOn(port)).as("its owner lives").isEmpty();
      });
    } finally {
      redis.stop();
    }
    assertThat(ProcessHandle.of(redis.pid())).isEmpty();
    assertThat(RedisOwnerFile.readFrom(dir)).isEmpty();

    RedisProcess again = RedisProcess.start(port, dir, "everysec");
    try {
      assertThat(RedisPing.command(port, 1_000, "GET", "kept")).isEqualTo("$3");
    } finally {
      again.stop();
    }
  }

  @Test
  void anUnknownAppendfsyncPolicyIsRefusedByItsPropertyName() {
    assertThatThrownBy(() -> new EmbeddedStoresProperties.Redis(0, "sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wasmhive.embedded.redis.appendfsync")
        .hasMessageContaining("sometimes");
  }
}
