package io.wasmhive.platform.modules;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Creates the shared {@link ModuleStore} in every service that has Spring Data MongoDB. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
public class ModuleStoreAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ModuleStore.class)
  MongoModuleStore moduleStore(MongoTemplate mongo) {
    return new MongoModuleStore(mongo);
  }
}
