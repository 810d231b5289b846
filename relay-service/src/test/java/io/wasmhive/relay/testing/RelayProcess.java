package io.wasmhive.relay.testing;

import io.wasmhive.relay.RelayApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * A relay-service in its own JVM (the test's class path, {@link RelayApplication} as main class), so a test can
 * kill it with SIGKILL ({@code kill -9}) while it holds stream entries. Ready when it logs that it started; its
 * last output lines are kept for failure messages.
 */
public final class RelayProcess implements AutoCloseable {

  private final Process process;
  private final ConcurrentLinkedDeque<String> tail = new ConcurrentLinkedDeque<>();

  private RelayProcess(Process process) {
    this.process = process;
  }

  /** Starts the relay with {@code --key=value} arguments; blocks until it has started (60 s at most). */
  public static RelayProcess start(Path logFile, String... properties) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        RelayApplication.class.getName(),
        "--server.port=0", "--server.address=127.0.0.1"));
    for (String property : properties) {
      command.add("--" + property);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    RelayProcess relay = new RelayProcess(process);
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread reader = new Thread(() -> relay.read(started, logFile), "relay-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      started.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the relay process did not start within 60 s; last output:\n"
          + String.join("\n", relay.tail), e);
    }
    return relay;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: the JVM gets no chance to acknowledge, publish or shut down anything. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String lastOutput() {
    return String.join("\n", tail);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }

  private void read(CompletableFuture<Void> started, Path logFile) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
        var log = java.nio.file.Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        log.write(line);
        log.newLine();
        log.flush();
        tail.addLast(line);
        while (tail.size() > 80) {
          tail.pollFirst();
        }
        if (line.contains("Started " + RelayApplication.class.getSimpleName())) {
          started.complete(null);
        }
      }
      started.completeExceptionally(new IOException("the relay process exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      started.completeExceptionally(e);
    }
  }
}
