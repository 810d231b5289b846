package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The Redis server of a local run: a redis-server process that this JVM started and owns, or the
 * one another local service already serves on the same fixed port. An orphan on the port, left by a
 * killed service of the same data directory, is stopped and replaced rather than joined.
 */
final class EmbeddedRedis implements AutoCloseable {

  private static final Log logger = LogFactory.getLog(EmbeddedRedis.class);

  private static final Duration RACE_WAIT = Duration.ofSeconds(10);

  private final RedisProcess ownedProcess;

  private final int port;

  private EmbeddedRedis(RedisProcess ownedProcess, int port) {
    this.ownedProcess = ownedProcess;
    this.port = port;
  }

  /**
   * Joins the server on the fixed port if one answers there, else starts one. Port 0 starts one on
   * a free ephemeral port. Blocks until the server answers; not thread-safe.
   */
  static EmbeddedRedis startOrJoin(EmbeddedStoresProperties.Redis settings, Path dataDir) {
    int port = settings.port();
    Path redisDir = dataDir.resolve("redis");
    if (port != 0 && LocalPorts.isListening(port) && !stoppedOrphan(redisDir, port)) {
      return join(port);
    }
    int chosen = port == 0 ? LocalPorts.freePort() : port;
    try {
      RedisProcess process = RedisProcess.start(chosen, redisDir, settings.appendfsync());
      return new EmbeddedRedis(process, chosen);
    } catch (IOException startFailed) {
      // Another service of the same local run may have won the race for the port.
      if (port != 0 && LocalPorts.awaitListening(port, RACE_WAIT)) {
        return join(port);
      }
      throw new UncheckedIOException("Cannot start an embedded Redis on " + LocalPorts.HOST + ":"
          + chosen + "; set REDIS_URL to use an external one", startFailed);
    }
  }

  /**
   * Stops the redis-server on the port if the owner note in the data directory shows it is an
   * orphan (its JVM is gone: killed before its watchdog could stop it, or a service of an older
   * version) and reports whether it did; a server whose owner lives is joined instead.
   */
  private static boolean stoppedOrphan(Path redisDir, int port) {
    return RedisOwnerFile.readFrom(redisDir).flatMap(owner -> owner.orphanOn(port)).map(orphan -> {
      logger.warn("The embedded Redis on " + LocalPorts.HOST + ":" + port + " (pid " + orphan.pid()
          + ") outlived the service that started it; stopping it and starting a new one on the same data");
      RedisProcess.stop(orphan);
      if (!LocalPorts.awaitClosed(port, RACE_WAIT)) {
        throw new IllegalStateException("Port " + port + " is still served after the orphaned embedded Redis (pid "
            + orphan.pid() + ") stopped");
      }
      return true;
    }).orElse(false);
  }

  private static EmbeddedRedis join(int port) {
    if (!RedisPing.answers(port)) {
      throw new IllegalStateException("Port " + port + " on " + LocalPorts.HOST
          + " is taken by something that is not Redis: set wasmhive.embedded.redis.port or REDIS_URL");
    }
    logger.info("Joining the embedded Redis that another local service serves on "
        + LocalPorts.HOST + ":" + port);
    return new EmbeddedRedis(null, port);
  }

  /** The port the server listens on. */
  int port() {
    return port;
  }

  /** Whether this process started the server, rather than joined another process's. */
  boolean owned() {
    return ownedProcess != null;
  }

  /** Stops the server process if this JVM owns it; a joined one is left running. Blocks until it exits. */
  @Override
  public void close() {
    if (ownedProcess != null) {
      ownedProcess.stop();
      logger.info("Stopped the embedded Redis on " + LocalPorts.HOST + ":" + port);
    }
  }
}
