package io.wasmhive.workflow.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.platform.sse.SseMetrics;
import io.wasmhive.platform.sse.StreamRetention;
import io.wasmhive.workflow.run.RunListener;
import io.wasmhive.workflow.run.RunService;
import io.wasmhive.workflow.store.WorkflowStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the live run events: the publisher and the meters (run listeners), the retention of
 * {@code workflow_run_events}, the SSE channel over it (a lifecycle bean) and the endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunEventsProperties.class)
class RunEventsConfiguration {

  @Bean
  static BeanPostProcessor runEventsRetention(Environment environment) {
    return new StreamRetention(Streams.WORKFLOW_RUN_EVENTS,
        () -> Binder.get(environment).bindOrCreate("workflow.events", RunEventsProperties.class).retention());
  }

  @Bean
  RunListener runEventPublisher(EventBus bus, JsonMapper json, RunEventsProperties properties) {
    return new RunEventPublisher(bus, json, Clock.systemUTC(), properties);
  }

  @Bean
  @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
  RunEventsDocumentation runEventsDocumentation() {
    return new RunEventsDocumentation();
  }

  @Bean
  RunListener runMetrics(ObjectProvider<MeterRegistry> meters) {
    MeterRegistry registry = meters.getIfAvailable();
    return registry == null ? RunListener.NONE : new RunMetrics(registry);
  }

  @Bean
  SseChannel<RunEvent> runEventChannel(RunEventsProperties properties, EventBus bus, EventBusProperties busProperties,
      JsonMapper json, ObjectProvider<MeterRegistry> meters) {
    SseChannel<RunEvent> channel = new SseChannel<>(Streams.WORKFLOW_RUN_EVENTS,
        properties.settings(busProperties.follow().batchSize()), bus, new RunEventDecoder(json));
    meters.ifAvailable(registry -> SseMetrics.bind(registry, "workflow.run.sse",
        "GET /runs/{id}/events and GET /workflows/{id}/events", channel));
    return channel;
  }

  @Bean
  FilterRegistrationBean<RunEventsEndpoint> runEventsEndpoint(SseChannel<RunEvent> channel, RunService runs,
      WorkflowStore workflows, JsonMapper json) {
    FilterRegistrationBean<RunEventsEndpoint> registration =
        new FilterRegistrationBean<>(new RunEventsEndpoint(channel, runs, workflows, json));
    registration.setName("runEvents");
    registration.addUrlPatterns("/runs/*", "/workflows/*");
    registration.setAsyncSupported(true);
    return registration;
  }
}
