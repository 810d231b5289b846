package io.wasmhive.relay.events;

import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.contract.Streams;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes {@code relay.sse.retention} the trim length of {@code wasm_exec_events} in the event bus settings, unless
 * {@code wasmhive.events.streams.[wasm_exec_events].max-length} sets it explicitly. Retention is how far back a
 * reconnecting SSE client can resume; older ids get an {@code events_lost} notice.
 */
final class StreamRetention implements BeanPostProcessor {

  private final LongSupplier retention;

  StreamRetention(LongSupplier retention) {
    this.retention = retention;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (!(bean instanceof EventBusProperties bus) || bus.streams().containsKey(Streams.EXEC_EVENTS)) {
      return bean;
    }
    return bus.withStreamMaxLength(Streams.EXEC_EVENTS, retention.getAsLong());
  }
}
