package io.wasmhive.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link StoreHostApplication}s of one local run in child JVMs: one data directory and one pair of
 * fixed ports, chosen free at run time; plus probes of the processes they leave behind.
 */
final class StoreHosts {

  private final Path dataDir;

  private final int mongoPort = LocalPorts.freePort();

  private final int redisPort = LocalPorts.freePort();

  private int started;

  StoreHosts(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Starts a host; the first on free ports owns the stores, the others join. Blocks until started. */
  ServiceProcess start() throws IOException {
    return ServiceProcess.start(StoreHostApplication.class, dataDir.resolve("host-" + (++started) + ".log"),
        "wasmhive.data-dir=" + dataDir,
        "wasmhive.embedded.mongo.port=" + mongoPort,
        "wasmhive.embedded.redis.port=" + redisPort,
        "spring.main.banner-mode=off");
  }

  int mongoPort() {
    return mongoPort;
  }

  int redisPort() {
    return redisPort;
  }

  /** The redis-server that the owner note in the data directory names. */
  ProcessHandle redisServer() {
    RedisOwnerFile owner = RedisOwnerFile.readFrom(dataDir.resolve("redis")).orElseThrow();
    assertThat(owner.port()).isEqualTo(redisPort);
    return ProcessHandle.of(owner.redisPid()).orElseThrow();
  }

  /** The watchdog (a /bin/sh child) of a host that owns the embedded Redis. */
  static ProcessHandle watchdogOf(ServiceProcess host) {
    Optional<ProcessHandle> watchdog = ProcessHandle.of(host.pid()).orElseThrow().children()
        .filter(child -> child.info().command().orElse("").endsWith("sh"))
        .findFirst();
    return watchdog.orElseThrow(() -> new AssertionError("no watchdog child of pid " + host.pid()));
  }

  /** Whether the process has exited within the timeout. */
  static boolean exits(ProcessHandle process, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
