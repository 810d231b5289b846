package io.wasmhive.executor.internal.wasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool a test needs (binaryen's {@code wasm-opt}, wabt's {@code wasm-validate}), found on
 * the {@code PATH}. A missing tool fails the test, never skips it: {@code scripts/test.sh} installs both.
 */
record ExternalTool(Path path) {

  /** What one run printed and its exit code. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** The tool {@code command} from the Debian package {@code debianPackage}; throws if it is not on the PATH. */
  static ExternalTool require(String command, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return new ExternalTool(candidate);
      }
    }
    throw new AssertionError(command + " is not on the PATH: install Debian's " + debianPackage
        + " (apt-get install " + debianPackage + "; scripts/test.sh does)");
  }

  /** Runs the tool with {@code args}, waiting at most a minute; output is stdout and stderr together. */
  Result run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(path.toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(1, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish within a minute");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
