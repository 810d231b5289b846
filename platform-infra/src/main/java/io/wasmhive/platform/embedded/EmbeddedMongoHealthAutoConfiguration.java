package io.wasmhive.platform.embedded;

import com.mongodb.client.MongoClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Boot's {@code mongo} health indicator while the service runs on the embedded MongoDB;
 * against an external MongoDB, Boot's own indicator stays.
 */
@AutoConfiguration(after = {EmbeddedStoresAutoConfiguration.class, MongoAutoConfiguration.class},
    before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
@ConditionalOnBean({EmbeddedMongo.class, MongoClient.class})
@ConditionalOnEnabledHealthIndicator("mongo")
public class EmbeddedMongoHealthAutoConfiguration {

  /** Named so that Boot's {@code MongoHealthContributorAutoConfiguration} backs off. */
  @Bean
  HealthIndicator mongoHealthIndicator(MongoClient client, EmbeddedMongo mongo,
      EmbeddedStoresProperties properties) {
    return new EmbeddedMongoHealthIndicator(client, mongo, properties.mongo().database());
  }
}
