package io.wasmhive.relay.guard;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Builds the three guards of the pipeline from {@code relay.rate-limit}, {@code relay.idempotency} and
 * {@code relay.permission}: Redis-backed rate limit and idempotency on a fail-fast connection of their own,
 * and the permission check from configured rules, MongoDB rules and an optional remote service. A guard
 * switched off by configuration is replaced by one that lets everything through.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitProperties.class, IdempotencyProperties.class,
    PermissionProperties.class, ConcurrencyProperties.class})
public class GuardConfiguration {

  @Bean
  GuardRedis guardRedis(DataRedisConnectionDetails details, ObjectProvider<StringRedisTemplate> application,
      RateLimitProperties rateLimit, IdempotencyProperties idempotency) {
    if (details.getSentinel() != null || details.getCluster() != null || details.getMasterReplica() != null) {
      // Only a standalone server gets a fail-fast connection; other topologies use the application's client.
      return GuardRedis.shared(application.getObject());
    }
    DataRedisConnectionDetails.Standalone server = details.getStandalone();
    Duration timeout = max(rateLimit.redisTimeout(), idempotency.redisTimeout());
    return GuardRedis.standalone(GuardRedis.server(server.getHost(), server.getPort(), server.getDatabase(),
        details.getUsername(), details.getPassword()), details.getSslBundle() != null, timeout);
  }

  @Bean
  RateLimiter rateLimiter(RateLimitProperties properties, GuardRedis redis) {
    if (!properties.enabled()) {
      return new DisabledGuards.RateLimit(properties.limit(), properties.window().toMillis());
    }
    return new RedisRateLimiter(redis.template(), properties);
  }

  @Bean
  IdempotencyStore idempotencyStore(IdempotencyProperties properties, GuardRedis redis) {
    if (!properties.enabled()) {
      return new DisabledGuards.Idempotency(properties.ttl());
    }
    return new RedisIdempotencyStore(redis.template(), properties);
  }

  @Bean
  ConcurrencyLimiter concurrencyLimiter(ConcurrencyProperties properties, GuardRedis redis) {
    return new ConcurrencyLimiter(redis.template(), properties);
  }

  @Bean
  PermissionChecker permissionChecker(PermissionProperties properties, ObjectProvider<MongoTemplate> mongo) {
    if (!properties.enabled()) {
      return new DisabledGuards.Permission();
    }
    MongoTemplate template = mongo.getIfAvailable();
    RulePermissionChecker local = new RulePermissionChecker(properties.rules(), properties.defaultEffect(),
        template == null ? null : new MongoPermissionRules(template), properties.refresh());
    PermissionChecker remote = properties.remote().configured()
        ? new RemotePermissionChecker(properties.remote()) : null;
    return new CombinedPermissionChecker(local, remote);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
