import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outside world of the indexer: a trustless IPFS gateway on 127.0.0.1 serving the raw blocks of the modules the
 * load generator made ({@code GET /ipfs/{cid}?format=raw}), 404 for anything else. Counts the fetches per CID.
 */
final class Gateway implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> blocks = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

  Gateway(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/ipfs/", this::serve);
    server.start();
  }

  /** Makes a block fetchable under its CID. Thread-safe. */
  void put(String cid, byte[] bytes) {
    blocks.put(cid, bytes);
  }

  /** How often the block was fetched. */
  int fetches(String cid) {
    AtomicInteger n = fetches.get(cid);
    return n == null ? 0 : n.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String cid = path.substring("/ipfs/".length());
    byte[] block = blocks.get(cid);
    String query = String.valueOf(exchange.getRequestURI().getQuery());
    String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
    boolean raw = query.contains("format=raw") || accept.contains("application/vnd.ipld.raw");
    if (block == null || !raw) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    fetches.computeIfAbsent(cid, c -> new AtomicInteger()).incrementAndGet();
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.ipld.raw");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : block.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(block);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
