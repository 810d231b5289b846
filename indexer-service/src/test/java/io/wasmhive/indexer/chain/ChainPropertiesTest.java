package io.wasmhive.indexer.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ChainPropertiesTest {

  static final String ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  @Test
  void defaultsAreOffWithTwelveConfirmations() {
    ChainProperties p = bind(Map.of());
    assertThat(p.enabled()).isFalse();
    assertThat(p.confirmations()).isEqualTo(12);
    assertThat(p.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.maxBlockRange()).isEqualTo(2000);
    assertThat(p.startBlock()).isZero();
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void enabledNeedsAnHttpUrlAndAnAddress() {
    assertThat(bind(enabled()).registry()).isEqualTo(ADDRESS.toLowerCase());
    assertRefused(with(enabled(), "rpc-url", ""), "indexer.chain.rpc-url (or ETH_RPC_URL)");
    assertRefused(with(enabled(), "rpc-url", "ws://127.0.0.1:8545"), "rpc-url");
    assertRefused(with(enabled(), "registry-address", ADDRESS.substring(0, 41)), "registry-address");
    assertRefused(with(enabled(), "registry-address", ADDRESS + "0"), "registry-address");
    assertRefused(with(enabled(), "registry-address", ADDRESS.replace('F', 'g')), "registry-address");
  }

  @Test
  void limitsAreCheckedAtTheirEdges() {
    assertThat(bind(Map.of("confirmations", "0")).confirmations()).isZero();
    assertRefused(Map.of("confirmations", "-1"), "confirmations");
    assertThat(bind(Map.of("max-block-range", "1")).maxBlockRange()).isEqualTo(1);
    assertRefused(Map.of("max-block-range", "0"), "max-block-range");
    assertThat(bind(Map.of("max-block-range", "100000")).maxBlockRange()).isEqualTo(100_000);
    assertRefused(Map.of("max-block-range", "100001"), "max-block-range");
    assertRefused(Map.of("start-block", "-1"), "start-block");
    assertRefused(Map.of("poll-interval", "0s"), "poll-interval");
    assertThat(bind(Map.of("poll-interval", "1m")).maxBackoff()).isEqualTo(Duration.ofMinutes(1));
    assertRefused(Map.of("poll-interval", "61s"), "max-backoff");
  }

  private static Map<String, String> enabled() {
    return Map.of("enabled", "true", "rpc-url", "http://127.0.0.1:8545", "registry-address", ADDRESS);
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> map = new HashMap<>(base);
    map.put(key, value);
    return map;
  }

  private static void assertRefused(Map<String, String> properties, String message) {
    assertThatThrownBy(() -> bind(properties)).isInstanceOf(BindException.class)
        .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  private static ChainProperties bind(Map<String, String> properties) {
    Map<String, String> prefixed = new HashMap<>();
    properties.forEach((k, v) -> prefixed.put("indexer.chain." + k, v));
    return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("indexer.chain", ChainProperties.class);
  }
}
