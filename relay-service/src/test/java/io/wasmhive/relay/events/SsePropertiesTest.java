package io.wasmhive.relay.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.sse.StreamRetention;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SsePropertiesTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    SseProperties defaults = bind(Map.of());

    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.heartbeat()).isEqualTo(Duration.ofSeconds(15));
    assertThat(defaults.retry()).isEqualTo(Duration.ofSeconds(3));
    assertThat(defaults.maxConnections()).isEqualTo(10_000);
    assertThat(defaults.watchAllUsers()).isEmpty();
    assertThat(defaults.queueCapacity()).isEqualTo(1000);
    assertThat(defaults.retention()).isEqualTo(100_000);
    assertThat(defaults.maxReplay()).isEqualTo(10_000);
  }

  @Test
  void watchAllUsersAreACommaSeparatedListWithoutBlanks() {
    assertThat(bind(Map.of("relay.sse.watch-all-users", " ops , ,auditor")).watchAllUsers())
        .containsExactly("ops", "auditor");
  }

  @Test
  void settingsOutOfRangeFailAtStartup() {
    assertThatThrownBy(() -> bind(Map.of("relay.sse.heartbeat", "0s"))).isInstanceOf(BindException.class);
    assertThatThrownBy(() -> bind(Map.of("relay.sse.queue-capacity", "0"))).isInstanceOf(BindException.class);
    assertThatThrownBy(() -> bind(Map.of("relay.sse.max-connections", "-1"))).isInstanceOf(BindException.class);
    assertThatThrownBy(() -> bind(Map.of("relay.sse.retention", "0"))).isInstanceOf(BindException.class);
    assertThatThrownBy(() -> bind(Map.of("relay.sse.max-replay", "0"))).isInstanceOf(BindException.class);
    assertThat(bind(Map.of("relay.sse.max-connections", "0")).maxConnections()).isZero();
  }

  @Test
  void retentionBecomesTheStreamsTrimLengthUnlessTheBusSetsOne() {
    StreamRetention retention = new StreamRetention(Streams.EXEC_EVENTS, () -> 42);
    EventBusProperties plain = EventBusProperties.defaults();

    EventBusProperties changed = (EventBusProperties) retention.postProcessBeforeInitialization(plain, "bus");

    assertThat(changed.maxLength(Streams.EXEC_EVENTS)).isEqualTo(42);
    assertThat(changed.maxLength("other")).isEqualTo(plain.maxLength());
    EventBusProperties explicit = plain.withStreamMaxLength(Streams.EXEC_EVENTS, 7);
    assertThat(retention.postProcessBeforeInitialization(explicit, "bus")).isSameAs(explicit);
    assertThat(retention.postProcessBeforeInitialization("not the bus", "x")).isEqualTo("not the bus");
  }

  private static SseProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("relay.sse", SseProperties.class);
  }
}
