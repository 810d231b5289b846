package io.wasmhive.indexer.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway of the outside world as a real HTTP server on 127.0.0.1 (ephemeral port), answering with a
 * {@link Responder}. It counts requests and body bytes written, and notices when a client went away mid-answer.
 */
final class FakeGateway implements AutoCloseable {

  /** How the gateway answers one request. */
  @FunctionalInterface
  interface Responder {
    void respond(Request request, HttpExchange exchange) throws IOException;
  }

  /**
   * One request as the gateway saw it.
   *
   * @param cid the CID of the path {@code /ipfs/{cid}}
   * @param format the {@code format} query parameter
   * @param accept the Accept header
   * @param authorization the Authorization header, or null
   * @param index 0 for the first request to this gateway, and so on
   */
  record Request(String cid, String format, String accept, String authorization, int index) {
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bytesWritten = new AtomicLong();
  private final AtomicBoolean clientWentAway = new AtomicBoolean();
  private final List<Request> seen = new CopyOnWriteArrayList<>();
  private final Responder responder;

  private FakeGateway(Responder responder) throws IOException {
    this.responder = responder;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a gateway answering with {@code responder}. */
  static FakeGateway start(Responder responder) throws IOException {
    return new FakeGateway(responder);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int requests() {
    return requests.get();
  }

  long bytesWritten() {
    return bytesWritten.get();
  }

  boolean clientWentAway() {
    return clientWentAway.get();
  }

  List<Request> seen() {
    return seen;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    String format = query == null ? null : query.replaceAll("^.*format=([a-z]+).*$", "$1");
    Request request = new Request(path.replaceFirst("^/ipfs/", ""), format,
        exchange.getRequestHeaders().getFirst("Accept"), exchange.getRequestHeaders().getFirst("Authorization"),
        requests.getAndIncrement());
    seen.add(request);
    try (exchange) {
      responder.respond(request, new CountingExchange(exchange, bytesWritten).exchange());
    } catch (IOException e) {
      clientWentAway.set(true);
    } catch (RuntimeException e) {
      clientWentAway.compareAndSet(false, e.getCause() instanceof IOException);
    }
  }

  /** Wraps the exchange's body so that every byte written is counted. */
  private record CountingExchange(HttpExchange delegate, AtomicLong counter) {

    HttpExchange exchange() {
      OutputStream body = delegate.getResponseBody();
      delegate.setStreams(null, new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          body.write(b);
          counter.incrementAndGet();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          body.write(bytes, offset, length);
          counter.addAndGet(length);
        }

        @Override
        public void flush() throws IOException {
          body.flush();
        }

        @Override
        public void close() throws IOException {
          body.close();
        }
      });
      return delegate;
    }
  }
}
