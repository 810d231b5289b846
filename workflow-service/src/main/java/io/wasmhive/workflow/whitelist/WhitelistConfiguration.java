package io.wasmhive.workflow.whitelist;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The owner whitelist from {@code workflow.wasm-whitelist.*} and MongoDB. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WasmWhitelistProperties.class)
class WhitelistConfiguration {

  @Bean
  WasmWhitelist wasmWhitelist(WasmWhitelistProperties properties, MongoTemplate mongo) {
    return new WasmWhitelist(properties, mongo);
  }
}
