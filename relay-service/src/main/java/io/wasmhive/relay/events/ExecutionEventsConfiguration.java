package io.wasmhive.relay.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.platform.sse.SseMetrics;
import io.wasmhive.platform.sse.StreamRetention;
import io.wasmhive.relay.ConditionalOnRelayMode;
import io.wasmhive.relay.RelayMode;
import io.wasmhive.relay.RelayProperties;
import io.wasmhive.relay.error.RelayErrors;
import io.wasmhive.relay.identity.IdentityResolver;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the lifecycle events: the publisher and the stream's retention in every mode (workers publish too); the
 * follow, subscribers and the {@code GET /intent/execute-wasm/events} servlet unless {@code relay.mode} is
 * {@code worker}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SseProperties.class)
class ExecutionEventsConfiguration {

  /** The endpoint's path, as in seed 001. */
  static final String PATH = "/intent/execute-wasm/events";

  @Bean
  static BeanPostProcessor executionEventsRetention(Environment environment) {
    return new StreamRetention(Streams.EXEC_EVENTS,
        () -> Binder.get(environment).bindOrCreate("relay.sse", SseProperties.class).retention());
  }

  @Bean
  ExecutionEventPublisher executionEventPublisher(EventBus bus, ObjectProvider<Clock> clock) {
    return new ExecutionEventPublisher(bus, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ExecutionEventStream executionEventStream(SseProperties properties, EventBus bus, EventBusProperties busProperties,
      ObjectProvider<JsonMapper> mapper, ObjectProvider<MeterRegistry> meters, RelayProperties relay) {
    if (!relay.mode().servesApi()) {
      return new ExecutionEventStream(properties, "relay.mode=worker serves no HTTP events");
    }
    if (!properties.enabled()) {
      return new ExecutionEventStream(properties, "disabled by configuration (relay.sse.enabled=false)");
    }
    SseChannel<StreamedEvent> channel = new SseChannel<>(Streams.EXEC_EVENTS,
        properties.settings(busProperties.follow().batchSize()), bus,
        new EventDecoder(mapper.getIfAvailable(JsonMapper::new)));
    ExecutionEventStream stream = new ExecutionEventStream(properties, channel);
    meters.ifAvailable(registry -> SseMetrics.bind(registry, "relay.sse", PATH, channel));
    return stream;
  }

  @Bean
  @ConditionalOnRelayMode({RelayMode.ALL, RelayMode.API})
  @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
  ExecutionEventsDocumentation executionEventsDocumentation() {
    return new ExecutionEventsDocumentation();
  }

  @Bean
  @ConditionalOnRelayMode({RelayMode.ALL, RelayMode.API})
  ServletRegistrationBean<ExecutionEventsServlet> executionEventsServlet(ExecutionEventStream stream,
      IdentityResolver identities, RelayErrors errors) {
    ExecutionEventsServlet servlet = new ExecutionEventsServlet(stream, identities, errors);
    ServletRegistrationBean<ExecutionEventsServlet> registration = new ServletRegistrationBean<>(servlet, PATH);
    registration.setName("executionEvents");
    registration.setAsyncSupported(true);
    return registration;
  }
}
