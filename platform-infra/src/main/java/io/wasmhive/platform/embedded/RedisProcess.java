package io.wasmhive.platform.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import redis.embedded.RedisServer;

/**
 * A redis-server child process of this JVM, bound to 127.0.0.1 and keeping its snapshot in a
 * directory of its own. It runs the binary shipped in embedded-redis, or Debian's
 * {@code redis-server} from the PATH when that binary cannot run on this machine.
 */
final class RedisProcess {

  private static final Log logger = LogFactory.getLog(RedisProcess.class);

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

  private final Stopper stopper;

  private final String description;

  private RedisProcess(Stopper stopper, String description) {
    this.stopper = stopper;
    this.description = description;
  }

  /** Starts a server on the port and waits until it accepts connections. */
  static RedisProcess start(int port, Path dir) throws IOException {
    Files.createDirectories(dir);
    try {
      return startShipped(port, dir);
    } catch (IOException | RuntimeException shippedFailed) {
      Optional<Path> binary = onPath("redis-server");
      if (binary.isEmpty() || LocalPorts.isListening(port)) {
        throw shippedFailed instanceof IOException io ? io : new IOException(shippedFailed);
      }
      logger.warn("The redis-server shipped in embedded-redis did not start ("
          + shippedFailed.getMessage() + "); falling back to " + binary.get());
      return startFromPath(binary.get(), port, dir);
    }
  }

  private static RedisProcess startShipped(int port, Path dir) throws IOException {
    RedisServer server = RedisServer.newRedisServer()
        .bind(LocalPorts.HOST)
        .port(port)
        .setting("dir \"" + dir.toAbsolutePath() + "\"")
        .setting("protected-mode yes")
        .soutListener(line -> logger.debug(line))
        .serrListener(line -> logger.debug(line))
        .build();
    server.start();
    logger.info("Started the embedded Redis (embedded-redis binary, data in " + dir + ") on "
        + LocalPorts.HOST + ":" + port);
    return new RedisProcess(server::stop, "embedded-redis on port " + port);
  }

  private static RedisProcess startFromPath(Path binary, int port, Path dir) throws IOException {
    Path log = dir.resolve("redis-server.log");
    Process process = new ProcessBuilder(List.of(binary.toString(),
        "--bind", LocalPorts.HOST, "--port", Integer.toString(port),
        "--dir", dir.toAbsolutePath().toString(), "--daemonize", "no", "--protected-mode", "yes"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!RedisPing.answers(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(binary + " did not start on port " + port + "; see " + log);
      }
      sleepBriefly();
    }
    logger.info("Started the embedded Redis (" + binary + ", pid " + process.pid() + ", data in "
        + dir + ") on " + LocalPorts.HOST + ":" + port);
    return new RedisProcess(() -> stopProcess(process), binary + " pid " + process.pid());
  }

  /** Stops the process: SIGTERM, so that Redis saves its snapshot, then a kill after 10 seconds. */
  void stop() {
    try {
      stopper.stop();
    } catch (IOException e) {
      logger.warn("Stopping " + description + " failed", e);
    }
  }

  private static void stopProcess(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static void sleepBriefly() throws IOException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for redis-server", e);
    }
  }

  /** How the process is stopped, which depends on how it was started. */
  @FunctionalInterface
  private interface Stopper {
    void stop() throws IOException;
  }
}
