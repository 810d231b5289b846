package io.wasmhive.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The public API's validation and defaults, each limit at and just past its edge. */
class EventsApiTest {

  record NotAnnotated(String a) {
  }

  @EventName("Bad-Name")
  record BadName(String a) {
  }

  @EventName("x")
  static final class NotARecord {
  }

  @Test
  void wireNamesComeFromTheAnnotationOfARecord() {
    assertThat(EventTypes.wireName(ProbeRequested.class)).isEqualTo("probe_requested");
    assertThatThrownBy(() -> EventTypes.wireName(NotAnnotated.class)).isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("no @EventName");
    assertThatThrownBy(() -> EventTypes.wireName(BadName.class)).hasMessageContaining("must match");
    assertThatThrownBy(() -> EventTypes.wireName(NotARecord.class)).hasMessageContaining("not a record");
    assertThat(new InvalidEventException("x").retryable()).isFalse();
  }

  @Test
  void consumerOptionsHaveDefaultsAndLimits() {
    ConsumerOptions defaults = ConsumerOptions.defaults();
    assertThat(defaults).isEqualTo(new ConsumerOptions(10, Duration.ofSeconds(2), 1, 5,
        Duration.ofSeconds(60), Duration.ofSeconds(5), StartPosition.EARLIEST));
    assertThat(defaults.withBatchSize(1000).batchSize()).isEqualTo(1000);
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBatchSize(1001));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBatchSize(0));
    assertThat(defaults.withConcurrency(64).concurrency()).isEqualTo(64);
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withConcurrency(65));
    assertThat(defaults.withMaxDeliveries(1).maxDeliveries()).isEqualTo(1);
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxDeliveries(0))
        .withMessageContaining("maxDeliveries must be between 1 and 1000, was 0");
    assertThat(defaults.withBlockTimeout(Duration.ofSeconds(60)).blockTimeout()).hasSeconds(60);
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBlockTimeout(Duration.ofMillis(60_001)));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBlockTimeout(Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withReclaimIdle(null));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withStartPosition(null));
    assertThat(StartPosition.LATEST.redisId()).isEqualTo("$");
  }

  @Test
  void subscriptionsCheckTheirNamesAndType() {
    EventHandler<ProbeRequested> handler = (event, delivery) -> { };
    assertThat(Subscription.of("{s}.x:y-z_1", "g", ProbeRequested.class, handler).consumer()).isNull();
    assertThat(Subscription.of("s", "g", "c".repeat(200), ProbeRequested.class, handler).consumer()).hasSize(200);
    assertThatIllegalArgumentException().isThrownBy(
        () -> Subscription.of("s", "g", "c".repeat(201), ProbeRequested.class, handler));
    assertThatIllegalArgumentException().isThrownBy(() -> Subscription.of("", "g", ProbeRequested.class, handler));
    assertThatIllegalArgumentException().isThrownBy(() -> Subscription.of("a b", "g", ProbeRequested.class, handler))
        .withMessageContaining("\"a b\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Subscription.of("s", null, ProbeRequested.class, handler));
    assertThatThrownBy(() -> Subscription.of("s", "g", NotAnnotated.class, (e, d) -> { }))
        .isInstanceOf(InvalidEventException.class);
    Subscription<ProbeRequested> changed = Subscription.of("s", "g", ProbeRequested.class, handler)
        .withOptions(o -> o.withBatchSize(3)).withOptions(o -> o.withConcurrency(2));
    assertThat(changed.options().apply(ConsumerOptions.defaults()))
        .isEqualTo(ConsumerOptions.defaults().withBatchSize(3).withConcurrency(2));
  }

  @Test
  void propertiesBindWithDefaultsAndPerStreamLengths() {
    EventBusProperties defaults = EventBusProperties.defaults();
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.maxLength("any")).isEqualTo(100_000);
    assertThat(defaults.approximateTrimming()).isTrue();
    assertThat(defaults.deadLetterStream("wasm_exec_requested")).isEqualTo("wasm_exec_requested.dlq");
    assertThat(defaults.consumer()).isEqualTo(ConsumerOptions.defaults());
    assertThat(defaults.backoff().initial()).isEqualTo(Duration.ofMillis(100));
    assertThat(defaults.consumerNameOrDefault()).matches("[A-Za-z0-9_.\\-]+-\\d+-[0-9a-f]{6}")
        .isNotEqualTo(defaults.consumerNameOrDefault());

    EventBusProperties bound = bind(Map.of("wasmhive.events.streams.[a.b].max-length", "7",
        "wasmhive.events.consumer.max-deliveries", "9", "wasmhive.events.consumer-name", "relay-1"));
    assertThat(bound.maxLength("a.b")).isEqualTo(7);
    assertThat(bound.maxLength("other")).isEqualTo(100_000);
    assertThat(bound.consumer().maxDeliveries()).isEqualTo(9);
    assertThat(bound.consumerNameOrDefault()).isEqualTo("relay-1");
    assertThat(bind(Map.of("wasmhive.events.max-length", "1")).maxLength("x")).isEqualTo(1);
    assertThatThrownBy(() -> bind(Map.of("wasmhive.events.max-length", "0")))
        .rootCause().hasMessageContaining("max-length must be at least 1");
    assertThatThrownBy(() -> bind(Map.of("wasmhive.events.backoff.initial", "2s", "wasmhive.events.backoff.max", "1s")))
        .rootCause().hasMessageContaining("initial <= max");
  }

  @Test
  void followOptionsAndGuardsCheckTheirLimits() {
    FollowOptions defaults = FollowOptions.defaults();
    assertThat(defaults).isEqualTo(new FollowOptions(100, Duration.ofSeconds(2)));
    assertThat(EventBusProperties.defaults().follow()).isEqualTo(defaults);
    assertThat(bind(Map.of("wasmhive.events.follow.batch-size", "7")).follow().batchSize()).isEqualTo(7);
    assertThat(defaults.withBatchSize(10_000).batchSize()).isEqualTo(10_000);
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBatchSize(10_001));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBatchSize(0));
    assertThat(defaults.withBlockTimeout(Duration.ofSeconds(60)).blockTimeout()).hasSeconds(60);
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBlockTimeout(Duration.ofMillis(60_001)));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBlockTimeout(Duration.ZERO));

    assertThat(KeyGuard.absentOr("k", "v").thenSet("w", Duration.ofMillis(1)).newValue()).isEqualTo("w");
    assertThatIllegalArgumentException().isThrownBy(() -> KeyGuard.absent("k").thenSet("w", Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> KeyGuard.absent(""));
    assertThatIllegalArgumentException().isThrownBy(() -> new KeyGuard("k", false, java.util.List.of(), null, null))
        .withMessageContaining("never publish");
    assertThatThrownBy(() -> new Publication("s", null)).isInstanceOf(InvalidEventException.class);
    assertThatIllegalArgumentException().isThrownBy(() -> new Publication("a b", ProbeRequested.number(1)));
    assertThatThrownBy(() -> new EncodedEvent("t", null)).isInstanceOf(InvalidEventException.class);
    assertThat(EventBusProperties.defaults().withStreamMaxLength("s", 7).maxLength("s")).isEqualTo(7);
  }

  @Test
  void handlingExceptionsSayWhetherToRetry() {
    assertThat(EventHandlingException.retryable("x", null).retryable()).isTrue();
    assertThat(EventHandlingException.notRetryable("x", null).retryable()).isFalse();
  }

  private static EventBusProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("wasmhive.events", EventBusProperties.class);
  }
}
