package io.wasmhive.procedure.derive;

import io.wasmhive.procedure.derive.sql.H2Engine;
import io.wasmhive.procedure.derive.sql.SqlEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The derivations' {@link DerivationProperties} and their SQL engine (H2 in memory). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DerivationProperties.class)
class DerivationConfiguration {

  @Bean
  SqlEngine derivationSqlEngine() {
    return new H2Engine();
  }
}
