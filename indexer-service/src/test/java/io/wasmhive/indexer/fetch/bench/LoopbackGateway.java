package io.wasmhive.indexer.fetch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wasmhive.platform.ipfs.Cid;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A trustless gateway on 127.0.0.1 serving prepared answers (a raw block or a CAR) by CID, with a Content-Length,
 * from memory: the benchmark measures the fetcher, not the server.
 */
final class LoopbackGateway implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  /** Serves {@code answers}: for each CID (in text), the body sent for it. */
  LoopbackGateway(Map<String, byte[]> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/ipfs/", exchange -> answer(exchange, answers));
    server.start();
  }

  /** The base URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private static void answer(HttpExchange exchange, Map<String, byte[]> answers) throws IOException {
    try (exchange) {
      String cid = exchange.getRequestURI().getPath().substring("/ipfs/".length());
      byte[] body = answers.get(Cid.parse(cid).toString());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }
}
