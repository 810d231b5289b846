package io.wasmhive.indexer.index;

import io.wasmhive.indexer.chain.RegistryEventSink;
import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.contract.ModuleIndexRequested;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The consumer of {@code module_index_requested}: every indexer instance joins the group {@code indexer}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndexProperties.class)
class IndexConfiguration {

  /**
   * Deliveries of one entry: attempts, plus the redeliveries of an entry that waits while another indexer holds
   * its CID (lease / retry-after), plus slack, before it is dead-lettered.
   */
  @Bean
  @ConditionalOnMissingBean(RegistryEventSink.class)
  ChainRegistrySink chainRegistrySink(IndexService service) {
    return new ChainRegistrySink(service);
  }

  /** Off with {@code indexer.index.consume=false}: an instance that only answers HTTP and publishes requests. */
  @Bean
  @ConditionalOnProperty(prefix = "indexer.index", name = "consume", matchIfMissing = true)
  Subscription<ModuleIndexRequested> indexRequests(IndexService service, IndexProperties p) {
    int waits = (int) (p.lease().toMillis() / p.retryAfter().toMillis()) + 1;
    return Subscription.of(EventTypes.wireName(ModuleIndexRequested.class), p.group(), ModuleIndexRequested.class,
            service::handle)
        .withOptions(o -> o.withConcurrency(p.concurrency()).withReclaimIdle(p.retryAfter())
            .withMaxDeliveries(p.maxAttempts() + waits + 2));
  }
}
