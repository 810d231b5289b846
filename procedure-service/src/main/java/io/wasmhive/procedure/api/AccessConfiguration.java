package io.wasmhive.procedure.api;

import io.wasmhive.platform.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What secure mode leaves open: seed 003's {@code GET /health}. Every other path needs a caller, and the catalog
 * checks its tenant and ownership. The security chain's refusals need no shape of their own: its default
 * {@code {"error":{"code","message"}}} is this API's error body already.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  @Bean
  PublicPaths procedurePublicPaths() {
    return PublicPaths.of("/health");
  }
}
