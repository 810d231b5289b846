package io.wasmhive.relay.intent;

import io.micrometer.core.instrument.MeterRegistry;
import io.wasmhive.relay.ServesApi;
import io.wasmhive.relay.gateway.ExecutionGateway;
import io.wasmhive.relay.guard.ConcurrencyLimiter;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.guard.PermissionChecker;
import io.wasmhive.relay.guard.RateLimiter;
import io.wasmhive.relay.resolution.ModuleResolver;
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
  RequestValidator requestValidator(IntentProperties properties) {
    return new RequestValidator(properties.defaults().limits(), properties.maxima().limits());
  }

  @Bean
  ExecuteWasmService executeWasmService(RateLimiter rateLimiter, RequestValidator validator,
      IdempotencyStore idempotency, PermissionChecker permissions, ModuleResolver resolver,
      ExecutionGateway gateway, ConcurrencyLimiter concurrency, IntentProperties properties, IntentMetrics metrics) {
    return new ExecuteWasmService(rateLimiter, validator, idempotency, permissions, resolver, gateway, concurrency,
        properties, metrics);
  }
}
