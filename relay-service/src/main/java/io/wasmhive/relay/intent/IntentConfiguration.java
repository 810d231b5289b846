package io.wasmhive.relay.intent;

import io.wasmhive.relay.IntentProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.relay.ServesApi;
import io.wasmhive.relay.gateway.ExecutionGateway;
import io.wasmhive.relay.guard.ConcurrencyLimiter;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.guard.PermissionChecker;
import io.wasmhive.relay.guard.RateLimiter;
import io.wasmhive.relay.resolution.ModuleResolver;
import io.wasmhive.relay.stages.StageClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pipeline of {@code /intent/execute-wasm}. */
@ServesApi
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntentProperties.class)
public class IntentConfiguration {

  @Bean
  IntentMetrics intentMetrics(MeterRegistry registry) {
    return new IntentMetrics(registry);
  }

  @Bean
  RequestGuards requestGuards(RateLimiter rateLimiter, PermissionChecker permissions, ModuleResolver resolver,
      ConcurrencyLimiter concurrency, IntentProperties properties, IntentMetrics metrics) {
    RequestValidator validator = new RequestValidator(properties.defaults().limits(), properties.maxima().limits());
    return new RequestGuards(rateLimiter, validator, permissions, resolver, concurrency, properties.resolveWait(),
        metrics);
  }

  @Bean(destroyMethod = "close")
  OutcomeRecorder outcomeRecorder(IdempotencyStore idempotency, RequestGuards guards, IntentMetrics metrics,
      StageClock stages) {
    return new OutcomeRecorder(idempotency, guards, metrics, stages);
  }

  @Bean
  ExecuteWasmService executeWasmService(RequestGuards guards, IdempotencyStore idempotency,
      ExecutionGateway gateway, OutcomeRecorder recorder, IntentProperties properties, IntentMetrics metrics,
      StageClock stages) {
    DuplicateRequests duplicates = new DuplicateRequests(idempotency, gateway, properties.duplicatePoll(), metrics);
    return new ExecuteWasmService(guards, duplicates, gateway, recorder, properties.executionSlack(), metrics,
        stages);
  }

  @Bean
  ExecutionStatus executionStatus(IdempotencyStore idempotency) {
    return new ExecutionStatus(idempotency);
  }
}
