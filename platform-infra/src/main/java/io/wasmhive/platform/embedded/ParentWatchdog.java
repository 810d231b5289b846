package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A small {@code /bin/sh} loop that sends SIGTERM to a child process of this JVM within about a
 * second after this JVM is gone (or a zombie), even after a kill -9, which the JVM cannot react to (a redis-server
 * cannot be given PR_SET_PDEATHSIG from Java). Before signalling, it checks on Linux that the pid
 * still belongs to a redis-server. Where there is no {@code /bin/sh}, there is no watchdog and
 * {@link RedisOwnerFile} catches the orphan at the next start. Not thread-safe.
 */
final class ParentWatchdog {

  private static final Log logger = LogFactory.getLog(ParentWatchdog.class);

  private static final Path SHELL = Path.of("/bin/sh");

  private static final String SCRIPT = """
      trap 'exit 0' TERM INT HUP
      alive() {
        kill -0 "$1" 2>/dev/null || return 1
        case $(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) in Z|X) return 1 ;; esac
      }
      while alive "$1"; do sleep 1; done
      if [ -r "/proc/$2/cmdline" ] && ! grep -q redis-server "/proc/$2/cmdline"; then exit 0; fi
      kill -TERM "$2" 2>/dev/null
      """;

  private final Process process;

  private ParentWatchdog(Process process) {
    this.process = process;
  }

  /** Starts a watchdog for the child process, if this system has {@code /bin/sh}. */
  static Optional<ParentWatchdog> watch(long childPid) {
    if (!Files.isExecutable(SHELL)) {
      return Optional.empty();
    }
    try {
      List<String> command = new java.util.ArrayList<>(OwnSession.prefix());
      command.addAll(List.of(SHELL.toString(), "-c", SCRIPT, "wasmhive-redis-watchdog",
          Long.toString(ProcessHandle.current().pid()), Long.toString(childPid)));
      Process process = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return Optional.of(new ParentWatchdog(process));
    } catch (IOException e) {
      logger.warn("No watchdog for pid " + childPid + " (" + e.getMessage() + "); an orphan it leaves after a "
          + "kill -9 of this JVM is stopped at the next start on the same data directory");
      return Optional.empty();
    }
  }

  /** The watchdog's own pid. */
  long pid() {
    return process.pid();
  }

  /**
   * Stops the watchdog without it signalling the child: SIGKILL, which it cannot act on (a SIGTERM
   * would wait for its {@code sleep 1}); its last {@code sleep} ends by itself. Blocks up to 2 seconds.
   */
  void stop() {
    process.destroyForcibly();
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
