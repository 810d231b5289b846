package io.wasmhive.platform.chainwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which logs an {@code eth_getLogs} request asks for: one contract's, with topic conditions by position (topic0,
 * then the indexed arguments). At each position an empty list matches anything, otherwise any of its values.
 *
 * @param address the contract, 0x and 40 hex digits (kept in lower case)
 * @param topics the conditions by position, at most 4
 */
public record LogFilter(String address, List<List<String>> topics) {

  public LogFilter {
    address = Objects.requireNonNull(address, "address").toLowerCase(Locale.ROOT);
    if (topics.size() > 4) {
      throw new IllegalArgumentException("a log has at most 4 topics, the filter names " + topics.size());
    }
    List<List<String>> copy = new ArrayList<>();
    for (List<String> alternatives : topics) {
      copy.add(alternatives.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
    }
    topics = List.copyOf(copy);
  }

  /** The logs of {@code address} whose topic0 is any of {@code topic0s}. */
  public static LogFilter of(String address, String... topic0s) {
    return new LogFilter(address, List.of(List.of(topic0s)));
  }

  /** Whether {@code log} passes this filter (what the node is asked to do; used to check its answer). */
  public boolean matches(ChainLog log) {
    if (!log.address().equalsIgnoreCase(address)) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      List<String> alternatives = topics.get(i);
      if (alternatives.isEmpty()) {
        continue;
      }
      if (i >= log.topics().size() || !alternatives.contains(log.topics().get(i).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
