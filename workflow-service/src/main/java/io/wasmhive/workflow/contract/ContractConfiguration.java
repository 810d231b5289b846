package io.wasmhive.workflow.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract simulator of the run engine; it estimates gas for successful calls. */
@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

  @Bean
  ContractSimulator contractSimulator() {
    return new ContractSimulator(true);
  }
}
