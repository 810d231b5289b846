package io.wasmhive.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Redis does not outlive the service that started it: a kill -9 of that service stops
 * it within about a second (its watchdog), and an orphan that nothing stopped (its watchdog killed
 * too) is stopped by the next service on the same data directory, which starts its own on the same
 * data and stops that at its clean stop: no redis-server is left, checked by pid.
 */
class EmbeddedRedisLifetimeIntegrationTests {

  @TempDir
  Path dataDir;

  @Test
  void aKill9OfTheOwnerStopsItsRedisWithinSeconds() throws Exception {
    StoreHosts hosts = new StoreHosts(dataDir);
    ServiceProcess relay = hosts.start();
    ProcessHandle redisServer = hosts.redisServer();
    assertThat(redisServer.parent().map(ProcessHandle::pid)).contains(relay.pid());
    if (!OwnSession.prefix().isEmpty()) {
      // A terminal's Ctrl-C (SIGINT to the foreground process group) does not reach it.
      assertThat(session(redisServer)).isNotEqualTo(session(ProcessHandle.of(relay.pid()).orElseThrow()));
      assertThat(session(StoreHosts.watchdogOf(relay))).isNotEqualTo(session(ProcessHandle.of(relay.pid()).orElseThrow()));
    }

    relay.kill9();

    // The watchdog polls every second; 5 s leave room for a loaded machine (2.6 s seen at load average 50).
    assertThat(StoreHosts.exits(redisServer, Duration.ofSeconds(5))).isTrue();
    assertThat(LocalPorts.isListening(hosts.redisPort())).isFalse();
  }

  @Test
  void anOrphanIsStoppedByTheNextStartWhoseCleanStopLeavesNoRedisServer() throws Exception {
    StoreHosts hosts = new StoreHosts(dataDir);
    ServiceProcess relay = hosts.start();
    ProcessHandle orphan = hosts.redisServer();
    assertThat(RedisPing.command(hosts.redisPort(), 1_000, "SET", "written-before", "the-kill")).isEqualTo("+OK");
    ProcessHandle watchdog = StoreHosts.watchdogOf(relay);
    watchdog.destroyForcibly();
    assertThat(StoreHosts.exits(watchdog, Duration.ofSeconds(2))).isTrue();
    relay.kill9();
    Thread.sleep(1_500);
    assertThat(orphan.isAlive()).as("an orphan without its watchdog").isTrue();

    ServiceProcess restarted = hosts.start();
    ProcessHandle successor = hosts.redisServer();
    assertThat(restarted.lastOutput()).contains("outlived the service that started it");
    assertThat(orphan.isAlive()).isFalse();
    assertThat(successor.pid()).isNotEqualTo(orphan.pid());
    assertThat(successor.parent().map(ProcessHandle::pid)).contains(restarted.pid());
    assertThat(RedisPing.command(hosts.redisPort(), 1_000, "GET", "written-before")).isEqualTo("$8");

    restarted.close();

    assertThat(StoreHosts.exits(successor, Duration.ofSeconds(2))).isTrue();
    assertThat(LocalPorts.isListening(hosts.redisPort())).isFalse();
    assertThat(LocalPorts.isListening(hosts.mongoPort())).isFalse();
    assertThat(dataDir.resolve("redis").resolve(RedisOwnerFile.NAME)).doesNotExist();
  }

  /** The session id of a process, from /proc (Linux, where setsid is). */
  private static String session(ProcessHandle process) throws java.io.IOException {
    String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3];
  }
}
