package io.wasmhive.platform.events;

import java.time.Instant;
import java.util.List;

/** A test event with the shapes real events have: strings, a list, an instant, a number. */
@EventName("probe_requested")
public record ProbeRequested(String requestId, List<String> inputs, Instant requestedAt, int attempt) {

  public static ProbeRequested number(int n) {
    return new ProbeRequested("req-" + n, List.of("a", "b"), Instant.parse("2026-01-02T03:04:05.678Z"), n);
  }
}
