package io.wasmhive.relay.gateway;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.relay.events.ExecutionEventPublisher;
import io.wasmhive.relay.execution.ExecutorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The execution gateway, in every mode: workers answer through it too (it reads the outcomes). */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  @Bean(destroyMethod = "close")
  RedisExecutionGateway executionGateway(EventBus bus, ExecutionEventPublisher events, StringRedisTemplate redis,
      ExecutorProperties properties) {
    return new RedisExecutionGateway(bus, events, new QueuePosition(redis), properties.maxWait());
  }
}
