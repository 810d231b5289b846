package io.wasmhive.relay.guard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A remote policy service at the edge of the world, as a real HTTP server on 127.0.0.1: it answers every
 * {@code POST /check} as its current {@link Mode} says and records the bodies it received. Thread-safe.
 */
final class FakePolicyService implements AutoCloseable {

  /** How the service answers. */
  enum Mode { ALLOW, DENY, ERROR, SLOW, MALFORMED }

  private final HttpServer server;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  private final List<String> bodies = new CopyOnWriteArrayList<>();

  private volatile Mode mode = Mode.ALLOW;

  private volatile Duration slowness = Duration.ofSeconds(3);

  FakePolicyService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/check", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/check");
  }

  void answer(Mode mode) {
    this.mode = mode;
  }

  List<String> bodies() {
    return bodies;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      switch (mode) {
        case ALLOW -> send(exchange, 200, "{\"allowed\":true,\"reason\":\"on the allow list\"}");
        case DENY -> send(exchange, 200, "{\"allowed\":false,\"reason\":\"quota exhausted\"}");
        case ERROR -> send(exchange, 500, "{\"error\":\"boom\"}");
        case MALFORMED -> send(exchange, 200, "{\"allowed\":\"yes\"}");
        case SLOW -> {
          pause(slowness);
          send(exchange, 200, "{\"allowed\":true,\"reason\":\"late\"}");
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
