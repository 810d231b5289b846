package io.wasmhive.indexer.fetch;

import com.sun.net.httpserver.HttpExchange;
import io.wasmhive.indexer.fetch.FakeGateway.Responder;
import io.wasmhive.platform.ipfs.Block;
import io.wasmhive.platform.ipfs.CarWriter;
import io.wasmhive.platform.ipfs.Cid;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How fake gateways answer: honestly, with lies, slowly, endlessly, with an error status. */
final class Responders {

  private Responders() {
  }

  /** A trustless gateway holding {@code dags}: blocks for {@code ?format=raw}, CARs for {@code ?format=car}. */
  static Responder serving(TestModules.Dag... dags) {
    return (request, exchange) -> {
      Cid cid = Cid.parse(request.cid());
      for (TestModules.Dag dag : dags) {
        byte[] block = dag.blocks().get(cid.toV1());
        if (block != null) {
          answer(exchange, request, dag, block, false);
          return;
        }
      }
      exchange.sendResponseHeaders(404, -1);
    };
  }

  /** A gateway that claims to hold {@code dag} but changes one byte of every block it sends. */
  static Responder lying(TestModules.Dag dag) {
    return (request, exchange) -> answer(exchange, request, dag, dag.blocks().get(dag.root().toV1()), true);
  }

  /** Sends {@code body} whatever is asked, with a Content-Length or chunked. */
  static Responder bytes(byte[] body, boolean withLength) {
    return (request, exchange) -> {
      exchange.sendResponseHeaders(200, withLength ? body.length : 0);
      exchange.getResponseBody().write(body);
    };
  }

  /** A status without a body. */
  static Responder status(int status) {
    return (request, exchange) -> exchange.sendResponseHeaders(status, -1);
  }

  /** A 200 whose chunked body never ends: zeros until the client goes away. */
  static Responder endless() {
    return (request, exchange) -> {
      exchange.sendResponseHeaders(200, 0);
      byte[] zeros = new byte[16 * 1024];
      OutputStream body = exchange.getResponseBody();
      while (true) {
        body.write(zeros);
      }
    };
  }

  /** A CAR naming {@code root} whose sections never end: fresh, valid 256 KiB raw blocks until the client leaves. */
  static Responder endlessCar(Cid root) {
    return (request, exchange) -> {
      exchange.sendResponseHeaders(200, 0);
      CarWriter car = CarWriter.open(exchange.getResponseBody(), List.of(root));
      java.util.SplittableRandom random = new java.util.SplittableRandom(7);
      while (true) {
        byte[] block = new byte[256 * 1024];
        random.nextBytes(block);
        car.write(new Block(Cid.rawOf(block), block));
      }
    };
  }

  /** Sends a 200 and 10 bytes, then stalls for {@code stall} before anything more. */
  static Responder stallingBody(Duration stall) {
    return (request, exchange) -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(new byte[10]);
      exchange.getResponseBody().flush();
      sleep(stall);
    };
  }

  /** Waits {@code delay} in the handler's thread, then answers as {@code then} does. */
  static Responder delayed(Duration delay, Responder then) {
    return (request, exchange) -> {
      sleep(delay);
      then.respond(request, exchange);
    };
  }

  /** Answers the n-th request as the n-th responder does; the last one answers all later requests. */
  static Responder sequence(Responder... responders) {
    List<Responder> list = List.of(responders);
    return (request, exchange) -> list.get(Math.min(request.index(), list.size() - 1)).respond(request, exchange);
  }

  private static void answer(HttpExchange exchange, FakeGateway.Request request, TestModules.Dag dag, byte[] block,
      boolean lie) throws IOException {
    if ("raw".equals(request.format())) {
      exchange.getResponseHeaders().add("Content-Type", GatewayClient.RAW);
      byte[] body = lie ? corrupt(block) : block;
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", GatewayClient.CAR + "; version=1");
    exchange.sendResponseHeaders(200, 0);
    CarWriter car = CarWriter.open(exchange.getResponseBody(), List.of(dag.root()));
    for (Map.Entry<Cid, byte[]> entry : dag.blocks().entrySet()) {
      car.write(new Block(entry.getKey(), lie ? corrupt(entry.getValue()) : entry.getValue()));
    }
  }

  private static byte[] corrupt(byte[] block) {
    byte[] copy = block.clone();
    copy[copy.length - 1] ^= 1;
    return copy;
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("stopped", e);
    }
  }
}
