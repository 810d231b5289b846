package io.wasmhive.platform.events.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusProperties;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.redis.RedisStreamEventBus;

/**
 * Creates the Redis streams event bus in a service whose Redis client is Lettuce (Boot's default),
 * unless {@code wasmhive.events.enabled=false} or the service defines its own {@link EventBus}.
 * The bus encodes with a copy of the application's {@link JsonMapper} when there is one.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class,
    afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({StringRedisTemplate.class, LettuceConnectionFactory.class, JsonMapper.class})
@ConditionalOnBean({LettuceConnectionFactory.class, StringRedisTemplate.class})
@ConditionalOnProperty(prefix = "wasmhive.events", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public class EventBusAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(EventBus.class)
  RedisStreamEventBus eventBus(StringRedisTemplate redis, ObjectProvider<JsonMapper> mapper,
      EventBusProperties properties) {
    return new RedisStreamEventBus(redis, mapper.getIfAvailable(JsonMapper::new), properties);
  }

  @Bean
  SubscriptionsLifecycle eventSubscriptionsLifecycle(EventBus bus,
      ObjectProvider<Subscription<?>> subscriptions) {
    return new SubscriptionsLifecycle(bus, subscriptions);
  }
}
