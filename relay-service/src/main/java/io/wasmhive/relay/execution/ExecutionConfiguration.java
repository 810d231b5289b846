package io.wasmhive.relay.execution;

import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.contract.ExecutionRequested;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.executor.WasmExecutorConfiguration;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.relay.RunsExecutors;
import io.wasmhive.relay.events.ExecutionEventPublisher;
import io.wasmhive.relay.stages.StageClock;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor consumers' beans, when {@code relay.mode} is {@code all} or {@code worker} (not {@code api}): the
 * shared {@link WasmExecutor} (platform-infra's {@link WasmExecutorConfiguration}), the progress reporter and the
 * consumers of {@code wasm_exec_requested}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutorProperties.class)
class ExecutionConfiguration {

  /**
   * The one executor of the process, platform-infra's (pool settings from seed 004's {@code WASM_*} variables,
   * modules read from the module store on a cache miss, policies from executor-core's defaults), only where
   * executors run. Closed when the context closes.
   */
  @Configuration(proxyBeanMethods = false)
  @RunsExecutors
  @Import(WasmExecutorConfiguration.class)
  static class Executor {
  }

  @Bean(destroyMethod = "close")
  @RunsExecutors
  ProgressReporter progressReporter(ExecutionEventPublisher events, ExecutorProperties properties) {
    return new ProgressReporter(events, properties.progressInterval());
  }

  @Bean
  @RunsExecutors
  ExecutorConsumers executorConsumers(WasmExecutor executor, ModuleStore store, StringRedisTemplate redis,
      EventBus bus, ExecutionEventPublisher events, ProgressReporter progress, ExecutorProperties properties,
      ObjectProvider<PublishedOutcomes> outcomes, StageClock stages) {
    JsonMapper json = tolerant();
    CompletionMarker marker = new CompletionMarker(redis, bus, properties.doneTtl());
    return new ExecutorConsumers(new ModuleRunner(executor, store, json), marker, events, progress,
        outcomes.getIfAvailable(() -> PublishedOutcomes.NONE), stages, properties.reclaimIdle(), executor.options().defaultPolicy().maxTime(), properties.maxDeliveries(),
        Clock.systemUTC());
  }

  /** {@code relay.executor.consumers} consumers of {@code wasm_exec_requested} in the group {@code executors}. */
  @Bean
  @RunsExecutors
  Subscription<ExecutionRequested> executionRequests(ExecutorConsumers consumers, ExecutorProperties p) {
    return Subscription.of(EventTypes.wireName(ExecutionRequested.class), Streams.EXECUTORS_GROUP,
            ExecutionRequested.class, consumers::handle)
        // One entry per read: a consumer never holds requests back while another consumer is idle.
        .withOptions(o -> o.withBatchSize(1).withConcurrency(p.consumers()).withReclaimIdle(p.reclaimIdle())
            .withClaimInterval(p.claimInterval()).withMaxDeliveries(p.maxDeliveries()));
  }

  /** A JSON mapper of its own, reading wire payloads that may carry fields this version does not know. */
  private static JsonMapper tolerant() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }
}
