package io.wasmhive.relay.error;

import io.wasmhive.platform.security.ErrorShape;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The relay's shape for the security chain's refusals, so that a 401 or 403 reads like every other relay error. */
@Configuration(proxyBeanMethods = false)
class ErrorShapeConfiguration {

  @Bean
  ErrorShape relayErrorShape() {
    return RelayErrors::body;
  }
}
