package io.wasmhive.relay.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity resolver, in every mode (the SSE servlet and the names API use it as well as the intent API). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

  @Bean
  IdentityResolver identityResolver(IdentityProperties properties) {
    return new IdentityResolver(properties.headerEnabled());
  }
}
