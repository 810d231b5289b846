package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

/** Binding and validation of {@code indexer.fetch.*}, each bound at and just past its edge. */
class FetchPropertiesTest {

  @Test
  void defaults() {
    FetchProperties properties = Fetchers.properties(Map.of());

    assertThat(properties.gateways()).isEmpty();
    assertThat(properties.maxModuleBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(properties.maxCarBytes()).isEqualTo(10 * 1024 * 1024 + 10 * 1024 * 1024 / 8 + 64 * 1024);
    assertThat(properties.hedgeDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(properties.maxConcurrentRequests()).isEqualTo(16);
    assertThat(properties.retry()).isEqualTo(new FetchProperties.Retry(3, Duration.ofMillis(200), 2.0));
  }

  @Test
  void commaSeparatedGatewaysAreTrimmedAndBlanksDropped() {
    FetchProperties properties =
        Fetchers.properties(Map.of("gateways", " http://127.0.0.1:8080 , https://gw.example/x/ ,"));

    assertThat(properties.gateways()).containsExactly("http://127.0.0.1:8080", "https://gw.example/x/");
    assertThat(properties.gatewayList()).extracting(Gateway::masked)
        .containsExactly("http://127.0.0.1:8080", "https://gw.example/x");
  }

  @Test
  void emptyGatewaysDisableFetching() {
    assertThat(Fetchers.properties(Map.of("gateways", "")).gateways()).isEmpty();
  }

  @Test
  void badGatewayIsRefusedWithoutShowingItsPassword() {
    assertThatThrownBy(() -> Fetchers.properties(Map.of("gateways", "https://bob:hunter2@gw.example/?key=1")))
        .isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("https://***@gw.example/?key=1").hasMessageContaining("query")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> Fetchers.properties(Map.of("gateways", "ftp://gw.example")))
        .rootCause().hasMessageContaining("http:// or https://");
  }

  @Test
  void toStringMasksCredentials() {
    FetchProperties properties = Fetchers.properties(Map.of("gateways", "https://bob:hunter2@gw.example"));

    assertThat(properties.toString()).contains("https://***@gw.example").doesNotContain("hunter2");
  }

  @Test
  void maxModuleSizeBounds() {
    assertThat(Fetchers.properties(Map.of("max-module-size", "1B")).maxModuleBytes()).isEqualTo(1);
    assertThat(Fetchers.properties(Map.of("max-module-size", "1GB")).maxModuleBytes()).isEqualTo(1 << 30);
    assertRefused("max-module-size", "0B", "max-module-size");
    assertRefused("max-module-size", ((1L << 30) + 1) + "B", "max-module-size");
  }

  @Test
  void durationAndCountBounds() {
    assertThat(Fetchers.properties(Map.of("hedge-delay", "0ms")).hedgeDelay()).isZero();
    assertRefused("hedge-delay", "-1ms", "hedge-delay");
    assertThat(Fetchers.properties(Map.of("request-timeout", "1ms")).requestTimeout()).hasMillis(1);
    assertRefused("request-timeout", "0ms", "request-timeout");
    assertRefused("connect-timeout", "0ms", "connect-timeout");
    assertThat(Fetchers.properties(Map.of("max-concurrent-requests", "1")).maxConcurrentRequests()).isOne();
    assertRefused("max-concurrent-requests", "0", "max-concurrent-requests");
    assertThat(Fetchers.properties(Map.of("retry.max-attempts", "1")).retry().maxAttempts()).isOne();
    assertRefused("retry.max-attempts", "0", "retry.max-attempts");
    assertRefused("retry.initial-backoff", "0ms", "retry.initial-backoff");
    assertThat(Fetchers.properties(Map.of("retry.multiplier", "1.0")).retry().multiplier()).isEqualTo(1.0);
    assertRefused("retry.multiplier", "0.99", "retry.multiplier");
  }

  private static void assertRefused(String key, String value, String named) {
    assertThatThrownBy(() -> Fetchers.properties(Map.of(key, value)))
        .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indexer.fetch." + named);
  }
}
