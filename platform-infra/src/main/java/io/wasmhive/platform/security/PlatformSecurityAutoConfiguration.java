package io.wasmhive.platform.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The API keys of every service (on its MongoDB) and the error shape of the security chain; the chain itself is
 * {@link WebSecurityConfiguration}'s.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ErrorShape.class)
  ErrorShape errorShape() {
    return ErrorShape.standard();
  }

  /**
   * The mode of a context without a web server (the {@code api-key} command): it has no listener to guard, and its
   * beans see the configured mode, {@code auto} read as local.
   */
  @Bean
  @ConditionalOnNotWebApplication
  @ConditionalOnMissingBean(EffectiveSecurity.class)
  EffectiveSecurity effectiveSecurityWithoutWebServer(SecurityProperties properties) {
    return new EffectiveSecurity(properties.mode() == SecurityMode.SECURE ? SecurityMode.SECURE : SecurityMode.LOCAL);
  }

  @Bean
  @ConditionalOnBean(MongoTemplate.class)
  @ConditionalOnMissingBean(ApiKeyStore.class)
  MongoApiKeyStore apiKeyStore(MongoTemplate mongo, SecurityProperties properties) {
    return new MongoApiKeyStore(mongo, properties.apiKeys().collection());
  }

  @Bean
  @ConditionalOnBean(ApiKeyStore.class)
  @ConditionalOnMissingBean(ApiKeys.class)
  ApiKeys apiKeys(ApiKeyStore store, SecurityProperties properties) {
    return new ApiKeys(store, properties.apiKeys(), Clock.systemUTC());
  }
}
