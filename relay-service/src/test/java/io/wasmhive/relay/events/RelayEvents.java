package io.wasmhive.relay.events;

import io.wasmhive.platform.sse.SseTestClient;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Opens the relay's {@code GET /intent/execute-wasm/events} with platform-infra's {@link SseTestClient}. */
final class RelayEvents {

  private RelayEvents() {
  }

  /** Opens {@code /intent/execute-wasm/events?query} with the headers (name, value, name, value...). */
  static SseTestClient open(int port, String query, String... headers) throws IOException, InterruptedException {
    return SseTestClient.open(uri(port, query), headers);
  }

  /** Opens the stream as a user (the seed's {@code user_id} header) and waits for its first frame (the retry). */
  static SseTestClient subscribe(int port, String user, String query, String... headers)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("user_id", user));
    all.addAll(List.of(headers));
    return SseTestClient.subscribe(uri(port, query), all.toArray(String[]::new));
  }

  private static URI uri(int port, String query) {
    return URI.create("http://127.0.0.1:" + port + ExecutionEventsConfiguration.PATH
        + (query == null || query.isEmpty() ? "" : "?" + query));
  }
}
