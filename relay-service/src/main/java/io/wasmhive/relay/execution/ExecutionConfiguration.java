package io.wasmhive.relay.execution;

import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.executor.WasmExecutorConfiguration;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.relay.events.RelayStreams;
import io.wasmhive.relay.names.NameRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The execution feature's beans: the gateway and the resolver in every mode; the shared {@link WasmExecutor} (from
 * platform-infra's {@link WasmExecutorConfiguration}) and the executor consumers when {@code relay.mode} is
 * {@code all} or {@code worker} (not {@code api}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutorProperties.class)
class ExecutionConfiguration {

  static final String RUNS_EXECUTORS = "'${relay.mode:all}' != 'api'";

  @Bean
  LifecycleEvents lifecycleEvents(EventBus bus) {
    return new LifecycleEvents(bus, Clock.systemUTC());
  }

  @Bean(destroyMethod = "close")
  RedisExecutionGateway executionGateway(EventBus bus, LifecycleEvents events, StringRedisTemplate redis,
      ExecutorProperties properties) {
    return new RedisExecutionGateway(bus, events, redis, tolerant(), properties.maxWait(), properties.readBlock());
  }

  @Bean(destroyMethod = "close")
  IndexRequests indexRequests(EventBus bus, StringRedisTemplate redis, ExecutorProperties properties) {
    return new IndexRequests(bus, redis, tolerant(), Clock.systemUTC(), properties.readBlock());
  }

  @Bean
  StoreModuleResolver moduleResolver(ModuleStore store, NameRegistry names, IndexRequests index) {
    return new StoreModuleResolver(store, names, index);
  }

  /**
   * The one executor of the process, platform-infra's (pool settings from seed 004's {@code WASM_*} variables,
   * modules read from the module store on a cache miss, policies from executor-core's defaults), only where
   * executors run.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression(RUNS_EXECUTORS)
  @Import(WasmExecutorConfiguration.class)
  static class Executor {
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(RUNS_EXECUTORS)
  ProgressReporter progressReporter(LifecycleEvents events, ExecutorProperties properties) {
    return new ProgressReporter(events, properties.progressInterval());
  }

  @Bean
  @ConditionalOnExpression(RUNS_EXECUTORS)
  ExecutorConsumers executorConsumers(WasmExecutor executor, ModuleStore store, StringRedisTemplate redis,
      LifecycleEvents events, ProgressReporter progress, EventBusProperties bus, ExecutorProperties properties) {
    JsonMapper json = tolerant();
    CompletionMarker marker = new CompletionMarker(redis, properties.doneTtl(),
        bus.maxLength(RelayStreams.EXEC_COMPLETED), bus.maxLength(RelayStreams.EXEC_EVENTS), Clock.systemUTC());
    return new ExecutorConsumers(new ModuleRunner(executor, store, json), marker, events, progress, json,
        properties.reclaimIdle(), executor.options().defaultPolicy().maxTime(), properties.maxDeliveries(),
        Clock.systemUTC());
  }

  /** {@code relay.executor.consumers} consumers of {@code wasm_exec_requested} in the group {@code executors}. */
  @Bean
  @ConditionalOnExpression(RUNS_EXECUTORS)
  Subscription<ExecutionRequested> executionRequests(ExecutorConsumers consumers, ExecutorProperties p) {
    return Subscription.of(EventTypes.wireName(ExecutionRequested.class), RelayStreams.EXECUTORS_GROUP,
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
