package io.wasmhive.indexer.access;

import io.wasmhive.platform.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What secure mode leaves open: the trustless gateway, whose answers are content-addressed blocks and CARs any
 * client verifies against the CID it asked for, served like a public IPFS gateway. The security chain's refusals
 * keep its default body, which is this API's error shape already.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  @Bean
  PublicPaths indexerPublicPaths() {
    return PublicPaths.of("/ipfs/**");
  }
}
