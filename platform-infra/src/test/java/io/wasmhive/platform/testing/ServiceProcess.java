package io.wasmhive.platform.testing;

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
 * A service in its own JVM (the test's class path, the service's application class as main class), so a test can
 * kill it with SIGKILL ({@code kill -9}) while it holds stream entries or runs. Ready when it logs that it started;
 * its last output lines are kept for failure messages. Shared by the services' reliability tests.
 */
public final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final String name;
  private final ConcurrentLinkedDeque<String> tail = new ConcurrentLinkedDeque<>();

  private ServiceProcess(Process process, String name) {
    this.process = process;
    this.name = name;
  }

  /**
   * Starts {@code application} (a Spring Boot application class) with {@code --key=value} arguments; blocks until
   * it has started (60 s at most).
   */
  public static ServiceProcess start(Class<?> application, Path logFile, String... properties) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        application.getName(),
        "--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0"));
    for (String property : properties) {
      command.add("--" + property);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ServiceProcess service = new ServiceProcess(process, application.getSimpleName());
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread reader = new Thread(() -> service.read(started, logFile), "service-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      started.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException(application.getSimpleName() + " did not start within 60 s; last output:\n"
          + String.join("\n", service.tail), e);
    }
    return service;
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
        if (line.contains("Started " + name)) {
          started.complete(null);
        }
      }
      started.completeExceptionally(new IOException(name + " exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      started.completeExceptionally(e);
    }
  }
}
