package io.wasmhive.workflow.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounded record of a session's exchanges: texts are kept in full until {@code maxChars} characters are used,
 * then cut; past {@link #MAX_EXCHANGES} exchanges only a count is kept. Thread-safe.
 */
final class ExchangeRecorder {

  /** The most exchanges one session records (a guest looping on refused requests could make millions). */
  static final int MAX_EXCHANGES = 10_000;

  private final int maxChars;
  private final List<RpcExchange> exchanges = new ArrayList<>();
  private long usedChars;
  private long dropped;

  ExchangeRecorder(int maxChars) {
    this.maxChars = maxChars;
  }

  synchronized void record(long chainId, String method, String request, String response, long durationMs) {
    if (exchanges.size() >= MAX_EXCHANGES) {
      dropped++;
      return;
    }
    String keptRequest = keep(request);
    String keptResponse = keep(response);
    boolean truncated = keptRequest.length() < request.length() || keptResponse.length() < response.length();
    exchanges.add(new RpcExchange(chainId, method, keptRequest, keptResponse, durationMs, truncated));
  }

  synchronized List<RpcExchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** The exchanges recorded after the first {@code from}, copied alone. */
  synchronized List<RpcExchange> exchangesFrom(int from) {
    return List.copyOf(exchanges.subList(Math.min(from, exchanges.size()), exchanges.size()));
  }

  synchronized int count() {
    return exchanges.size();
  }

  synchronized long dropped() {
    return dropped;
  }

  private String keep(String text) {
    long left = Math.max(0, maxChars - usedChars);
    int kept = (int) Math.min(left, text.length());
    usedChars += kept;
    return kept == text.length() ? text : text.substring(0, kept);
  }
}
