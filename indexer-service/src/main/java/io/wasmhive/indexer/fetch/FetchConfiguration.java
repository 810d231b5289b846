package io.wasmhive.indexer.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link ModuleFetcher} bean, built from {@code indexer.fetch.*}; present even when no gateway is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FetchProperties.class)
class FetchConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FetchConfiguration.class);

  @Bean(destroyMethod = "close")
  ModuleFetcher moduleFetcher(FetchProperties properties, MeterRegistry registry) {
    ModuleFetcher fetcher = new ModuleFetcher(properties, registry);
    if (fetcher.enabled()) {
      log.info("Fetching modules from IPFS gateways {} ({})", fetcher.gateways(), properties);
    } else {
      log.warn("No IPFS gateway configured (IPFS_GATEWAYS): fetching modules by CID is disabled");
    }
    return fetcher;
  }
}
