package io.wasmhive.relay.resolution;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.relay.names.NameRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Module resolution: the module store, index requests to the indexer and the names registry. */
@Configuration(proxyBeanMethods = false)
class ResolutionConfiguration {

  @Bean(destroyMethod = "close")
  IndexRequests indexRequests(EventBus bus) {
    return new IndexRequests(bus, Clock.systemUTC());
  }

  @Bean
  StoreModuleResolver moduleResolver(ModuleStore store, NameRegistry names, IndexRequests index) {
    return new StoreModuleResolver(store, names, index);
  }
}
