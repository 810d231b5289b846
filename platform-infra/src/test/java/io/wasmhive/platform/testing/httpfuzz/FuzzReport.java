package io.wasmhive.platform.testing.httpfuzz;

import java.util.List;
import java.util.Map;

/**
 * What a run did: its seed, the endpoints it reached, how many requests it sent and how the service answered them
 * (requests by status, 0 for a connection closed on a request past the limits), and the requests and milliseconds
 * by kind of mutation. Immutable.
 */
public record FuzzReport(long seed, List<String> endpoints, int requests, Map<Integer, Integer> statuses,
    Map<String, Integer> kinds, Map<String, Long> kindMillis, long millis) {

  /** One line for the test log. */
  public String summary() {
    return "httpfuzz: seed " + seed + ", " + requests + " requests to " + endpoints.size() + " endpoints in "
        + millis + " ms; statuses " + statuses + "; kinds " + kinds + "; ms by kind " + kindMillis;
  }
}
