package io.wasmhive.workflow.access;

import io.wasmhive.platform.security.ErrorShape;
import io.wasmhive.platform.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's public paths (the WASM server's health check) and the error shape of the security chain. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  @Bean
  PublicPaths workflowPublicPaths() {
    return PublicPaths.of("/wasm/health");
  }

  @Bean
  ErrorShape workflowErrorShape() {
    return new ServiceErrorShape();
  }
}
