package io.wasmhive.platform.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server child process of this JVM, bound to 127.0.0.1, with its append-only file and
 * snapshot in a directory of its own. It runs the binary shipped in embedded-redis, or Debian's
 * {@code redis-server} from the PATH when that binary cannot run on this machine. A
 * {@link ParentWatchdog} stops it when this JVM dies without stopping it, and a
 * {@link RedisOwnerFile} in its directory names it and this JVM. Not thread-safe.
 */
final class RedisProcess {

  private static final Log logger = LogFactory.getLog(RedisProcess.class);

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final ProcessHandle process;

  private final Path dir;

  private final RedisOwnerFile owner;

  private final Optional<ParentWatchdog> watchdog;

  private RedisProcess(ProcessHandle process, Path dir, RedisOwnerFile owner, Optional<ParentWatchdog> watchdog) {
    this.process = process;
    this.dir = dir;
    this.owner = owner;
    this.watchdog = watchdog;
  }

  /** Starts a server on the port and waits until it accepts connections. */
  static RedisProcess start(int port, Path dir, String appendfsync) throws IOException {
    Files.createDirectories(dir);
    try {
      return start(ExecutableProvider.newJarResourceProvider().get().toPath(), port, dir, appendfsync);
    } catch (IOException | RuntimeException shippedFailed) {
      Optional<Path> binary = onPath("redis-server");
      if (binary.isEmpty() || LocalPorts.isListening(port)) {
        throw shippedFailed instanceof IOException io ? io : new IOException(shippedFailed);
      }
      logger.warn("The redis-server shipped in embedded-redis did not start ("
          + shippedFailed.getMessage() + "); falling back to " + binary.get());
      return start(binary.get(), port, dir, appendfsync);
    }
  }

  private static RedisProcess start(Path binary, int port, Path dir, String appendfsync) throws IOException {
    Path log = dir.resolve("redis-server.log");
    boolean migrate = RedisPersistence.snapshotWithoutAppendOnlyFile(dir);
    List<String> command = new ArrayList<>(OwnSession.prefix());
    command.addAll(List.of(binary.toString(),
        "--bind", LocalPorts.HOST, "--port", Integer.toString(port),
        "--dir", dir.toAbsolutePath().toString(), "--daemonize", "no", "--protected-mode", "yes"));
    command.addAll(RedisPersistence.arguments(!migrate, appendfsync));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    awaitReady(process, binary, port, log);
    if (migrate) {
      try {
        RedisPersistence.enableAppendOnly(port, dir);
      } catch (IOException refused) {
        stop(process.toHandle());
        throw refused;
      }
    }
    Optional<ParentWatchdog> watchdog = ParentWatchdog.watch(process.pid());
    RedisOwnerFile owner = RedisOwnerFile.ofThisJvm(process.pid(), port);
    owner.writeTo(dir);
    logger.info("Started the embedded Redis (" + binary.getFileName() + ", pid " + process.pid()
        + watchdog.map(w -> ", watchdog pid " + w.pid()).orElse("") + ", append-only file with appendfsync "
        + appendfsync + " in " + dir + ") on " + LocalPorts.HOST + ":" + port);
    return new RedisProcess(process.toHandle(), dir, owner, watchdog);
  }

  private static void awaitReady(Process process, Path binary, int port, Path log) throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!RedisPing.answers(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(binary + " did not start on port " + port + "; see " + log);
      }
      sleepBriefly();
    }
  }

  /** The redis-server's pid. */
  long pid() {
    return process.pid();
  }

  /**
   * Stops the process: the watchdog first, then SIGTERM, so that Redis writes its snapshot and
   * append-only file, then SIGKILL after 10 seconds. Blocks until it has exited.
   */
  void stop() {
    watchdog.ifPresent(ParentWatchdog::stop);
    stop(process);
    owner.deleteFrom(dir);
  }

  /** Stops a redis-server process, a child of this JVM or not: SIGTERM, then SIGKILL after 10 seconds. */
  static void stop(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      logger.warn("redis-server pid " + process.pid() + " did not stop within " + STOP_TIMEOUT + "; killing it");
      process.destroyForcibly();
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
}
