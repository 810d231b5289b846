package io.wasmhive.workflow.modules;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.modules.ModuleStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link StepModules} bean, on platform-infra's module store and event bus. */
@Configuration(proxyBeanMethods = false)
class ModulesConfiguration {

  @Bean
  StepModules stepModules(ModuleStore store, EventBus bus) {
    return new StepModules(store, bus, Clock.systemUTC());
  }
}
