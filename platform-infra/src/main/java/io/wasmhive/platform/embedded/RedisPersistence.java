package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the embedded Redis keeps its data: an append-only file written before every reply (so an
 * acknowledged write survives a kill -9 of redis-server) and fsynced as {@code appendfsync} says,
 * besides Redis's default snapshots. A data directory from before the append-only file, with only
 * a snapshot, is started from the snapshot and switched to the append-only file at run time, since
 * Redis started with {@code appendonly yes} and no such file would start empty.
 */
final class RedisPersistence {

  /** The {@code appendfsync} policies Redis knows. */
  static final List<String> APPENDFSYNC = List.of("always", "everysec", "no");

  private RedisPersistence() {
  }

  /** The redis-server arguments for the append-only file, on or (until switched on) off. */
  static List<String> arguments(boolean appendOnly, String appendfsync) {
    return List.of("--appendonly", appendOnly ? "yes" : "no", "--appendfsync", appendfsync);
  }

  /** Whether the directory holds a snapshot but no append-only file (Redis 6: a file, 7: a directory). */
  static boolean snapshotWithoutAppendOnlyFile(Path dir) {
    return Files.isRegularFile(dir.resolve("dump.rdb")) && !Files.exists(dir.resolve("appendonly.aof"))
        && !Files.exists(dir.resolve("appendonlydir"));
  }

  /**
   * Switches the running server to the append-only file, which it writes from its current data, and
   * waits until that file is complete: until then Redis refuses to shut down on SIGTERM ("Writing
   * initial AOF, can't exit"). Blocks up to 30 seconds.
   */
  static void enableAppendOnly(int port, Path dir) throws IOException {
    String reply = RedisPing.command(port, 5_000, "CONFIG", "SET", "appendonly", "yes");
    if (!"+OK".equals(reply)) {
      throw new IOException("The embedded Redis in " + dir + " refused to switch to an append-only file: " + reply);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!appendOnlyFileWritten(port)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("The embedded Redis in " + dir + " did not write its append-only file in 30 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for the append-only file in " + dir, e);
      }
    }
  }

  /**
   * Whether the first append-only file is complete: no rewrite running or scheduled (Redis 6 creates
   * the empty file at once, so the file's presence says nothing).
   */
  private static boolean appendOnlyFileWritten(int port) throws IOException {
    String persistence = RedisPing.bulk(port, 5_000, "INFO", "persistence");
    return persistence.contains("aof_enabled:1") && persistence.contains("aof_rewrite_in_progress:0")
        && persistence.contains("aof_rewrite_scheduled:0");
  }
}
