package io.wasmhive.platform.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a child process in a session of its own through {@code setsid} (util-linux) where there is
 * one, so that a terminal's Ctrl-C, sent to the whole foreground process group, reaches the
 * services but not their redis-server and its watchdog: the host stops redis-server last, after
 * the joiners have shut down, instead of it vanishing under them. {@code setsid} execs the command
 * in place (a child of the JVM is no process group leader), so the pid stays the child's.
 */
final class OwnSession {

  private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

  private OwnSession() {
  }

  /** The command prefix: {@code setsid} where it exists, else nothing. */
  static List<String> prefix() {
    return SETSID.stream().filter(Files::isExecutable).findFirst()
        .map(setsid -> List.of(setsid.toString())).orElse(List.of());
  }
}
