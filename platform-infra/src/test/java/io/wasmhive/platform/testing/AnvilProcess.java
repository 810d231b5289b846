package io.wasmhive.platform.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real anvil dev chain on 127.0.0.1 and an ephemeral port ({@code --port 0}; the port is read from its
 * "Listening on" line), stopped by its PID. The binary comes from {@code ANVIL_BIN}, else the PATH, else
 * {@code .tools/anvil} under the repository root, where {@code scripts/test.sh} installs the npm package
 * {@code @foundry-rs/anvil}. Each start picks a random chain id, so cursors saved by earlier runs in a kept
 * data directory (keyed by chain id and contract address, and anvil's addresses repeat) never match. Shared by
 * the indexer's and the workflow service's tests (platform-infra's test jar).
 */
public final class AnvilProcess implements AutoCloseable {

  public static final String INSTALL_HINT = "npm install --prefix .tools/anvil @foundry-rs/anvil@1.7.1 (scripts/test.sh does it)";
  private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final List<String> LOCAL_BINARIES = List.of(
      ".tools/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil",
      ".tools/anvil/node_modules/.bin/anvil");

  private final Process process;
  private final int port;
  private final long startupMillis;
  private final long chainId;

  private AnvilProcess(Process process, int port, long startupMillis, long chainId) {
    this.process = process;
    this.port = port;
    this.startupMillis = startupMillis;
    this.chainId = chainId;
  }

  /** Starts anvil and blocks until it listens (10 s at most). */
  public static AnvilProcess start() throws IOException, InterruptedException {
    Path binary = locate();
    long chainId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    long started = System.nanoTime();
    Process process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", "0", "--accounts", "3",
        "--chain-id", Long.toString(chainId)).redirectErrorStream(true).start();
    // A test that fails between start and close (say, in a static initialiser) must not leave anvil running after
    // its JVM: stopped by its PID when the JVM exits, whatever happened.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "anvil-stop-" + process.pid()));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> readPort(process, port), "anvil-output");
    reader.setDaemon(true);
    reader.start();
    try {
      int listening = port.get(10, TimeUnit.SECONDS);
      return new AnvilProcess(process, listening, (System.nanoTime() - started) / 1_000_000, chainId);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("anvil at " + binary + " did not start listening within 10 s", e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public long chainId() {
    return chainId;
  }

  public long startupMillis() {
    return startupMillis;
  }

  /** Stops anvil by its PID and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  public static Path locate() {
    String env = System.getenv("ANVIL_BIN");
    if (env != null && !env.isBlank()) {
      Path path = Path.of(env);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException("ANVIL_BIN=" + env + " is not an executable file");
      }
      return path;
    }
    return onPath().or(AnvilProcess::inRepository).orElseThrow(() -> new IllegalStateException(
        "anvil not found: set ANVIL_BIN, put anvil on the PATH, or from the repository root run " + INSTALL_HINT));
  }

  private static Optional<Path> onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "anvil")).filter(Files::isExecutable).findFirst();
  }

  private static Optional<Path> inRepository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw"))) {
        Path root = dir;
        return LOCAL_BINARIES.stream().map(root::resolve).filter(Files::isExecutable).findFirst();
      }
    }
    return Optional.empty();
  }

  private static void readPort(Process process, CompletableFuture<Integer> port) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
      port.completeExceptionally(new IOException("anvil exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      port.completeExceptionally(e);
    }
  }
}
