package io.wasmhive.relay.names;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The names registry bean, on the application's MongoDB. */
@Configuration(proxyBeanMethods = false)
class NamesConfiguration {

  @Bean
  @ConditionalOnMissingBean(NameRegistry.class)
  MongoNameRegistry nameRegistry(MongoTemplate mongo) {
    return new MongoNameRegistry(mongo, Clock.systemUTC());
  }
}
