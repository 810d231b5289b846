package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The note, in the embedded Redis's data directory, of which redis-server process serves which port
 * and which JVM started it (pid and start time, so a reused pid is not taken for the owner). A
 * service that finds the port served while the note's owner is gone has found an orphan that a
 * killed service left behind, and stops it instead of joining it. Not thread-safe; blocks on file I/O.
 *
 * @param redisPid the redis-server process
 * @param ownerPid the JVM that started it
 * @param ownerStartMillis that JVM's start time, epoch milliseconds (0 when the system does not say)
 * @param port the port the redis-server listens on
 */
record RedisOwnerFile(long redisPid, long ownerPid, long ownerStartMillis, int port) {

  static final String NAME = "embedded-redis.owner";

  private static final Log logger = LogFactory.getLog(RedisOwnerFile.class);

  /** The note for a redis-server that this JVM started. */
  static RedisOwnerFile ofThisJvm(long redisPid, int port) {
    ProcessHandle self = ProcessHandle.current();
    return new RedisOwnerFile(redisPid, self.pid(), startMillis(self), port);
  }

  /** Writes the note into the directory, replacing an older one. */
  void writeTo(Path dir) throws IOException {
    Path file = dir.resolve(NAME);
    Path temporary = dir.resolve(NAME + ".tmp");
    Files.writeString(temporary, redisPid + " " + ownerPid + " " + ownerStartMillis + " " + port + "\n",
        StandardCharsets.US_ASCII);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The note in the directory, if there is a readable one. */
  static Optional<RedisOwnerFile> readFrom(Path dir) {
    Path file = dir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String[] fields = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
      return Optional.of(new RedisOwnerFile(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
          Long.parseLong(fields[2]), Integer.parseInt(fields[3])));
    } catch (IOException | RuntimeException unreadable) {
      logger.warn("Ignoring the unreadable " + file + ": " + unreadable.getMessage());
      return Optional.empty();
    }
  }

  /** Deletes the note from the directory, if it is this one (a later owner may have replaced it). */
  void deleteFrom(Path dir) {
    if (readFrom(dir).filter(this::equals).isPresent()) {
      try {
        Files.deleteIfExists(dir.resolve(NAME));
      } catch (IOException e) {
        logger.warn("Cannot delete " + dir.resolve(NAME) + ": " + e.getMessage());
      }
    }
  }

  /**
   * The redis-server process of the note when it is an orphan on the port: alive, a redis-server by
   * its command line, while the JVM that started it is gone.
   */
  Optional<ProcessHandle> orphanOn(int servedPort) {
    if (servedPort != port || ownerAlive()) {
      return Optional.empty();
    }
    return ProcessHandle.of(redisPid).filter(ProcessHandle::isAlive).filter(RedisOwnerFile::isRedisServer);
  }

  private boolean ownerAlive() {
    return ProcessHandle.of(ownerPid)
        .filter(ProcessHandle::isAlive)
        .filter(owner -> ownerStartMillis == 0 || startMillis(owner) == ownerStartMillis)
        .isPresent();
  }

  private static boolean isRedisServer(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    return info.command().or(info::commandLine).filter(command -> command.contains("redis-server")).isPresent();
  }

  private static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }
}
