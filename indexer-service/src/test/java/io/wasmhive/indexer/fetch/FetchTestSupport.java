package io.wasmhive.indexer.fetch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wasmhive.indexer.fetch.FakeGateway.Responder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** Starts fake gateways and fetchers for a test and stops them after it. */
abstract class FetchTestSupport {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** A fake gateway answering with {@code responder}, stopped after the test. */
  FakeGateway gateway(Responder responder) throws IOException {
    FakeGateway gateway = FakeGateway.start(responder);
    started.push(gateway);
    return gateway;
  }

  /** A fetcher asking {@code gateways} in order, with {@code settings} as key, value, key, value… */
  ModuleFetcher fetcher(FakeGateway[] gateways, String... settings) {
    Map<String, String> map = new HashMap<>();
    StringBuilder urls = new StringBuilder();
    for (FakeGateway gateway : gateways) {
      urls.append(urls.length() == 0 ? "" : ",").append(gateway.url());
    }
    map.put("gateways", urls.toString());
    for (int i = 0; i < settings.length; i += 2) {
      map.put(settings[i], settings[i + 1]);
    }
    ModuleFetcher fetcher = Fetchers.fetcher(map, registry);
    started.push(fetcher);
    return fetcher;
  }

  /** Shorthand for {@link #fetcher(FakeGateway[], String...)}. */
  static FakeGateway[] of(FakeGateway... gateways) {
    return gateways;
  }

  /** The count of {@code indexer_gateway_requests_total} for {@code gateway} and {@code outcome}. */
  double requests(FakeGateway gateway, String outcome) {
    var counter = registry.find(FetchMetrics.REQUESTS).tag("gateway", gateway.url()).tag("outcome", outcome)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  /** Whether {@code fetcher} has no request in flight and no answer being read. */
  static boolean idle(ModuleFetcher fetcher) {
    return fetcher.inFlightRequests() == 0 && fetcher.activeReaders() == 0;
  }

  @AfterEach
  void stopAll() throws Exception {
    while (!started.isEmpty()) {
      started.pop().close();
    }
  }
}
