package io.wasmhive.platform.sse;

import io.wasmhive.platform.events.EventBusProperties;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes an SSE endpoint's retention setting the trim length of its stream in the event bus settings, unless
 * {@code wasmhive.events.streams.[<stream>].max-length} sets it explicitly. Retention is how far back a reconnecting
 * SSE client can resume; older ids get an {@code events_lost} notice. Register it from a static {@code @Bean} method
 * (it post-processes the bus settings), with a supplier that binds the setting itself.
 */
public final class StreamRetention implements BeanPostProcessor {

  private final String stream;
  private final LongSupplier retention;

  public StreamRetention(String stream, LongSupplier retention) {
    this.stream = stream;
    this.retention = retention;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (!(bean instanceof EventBusProperties bus) || bus.streams().containsKey(stream)) {
      return bean;
    }
    return bus.withStreamMaxLength(stream, retention.getAsLong());
  }
}
