package io.wasmhive.procedure.derive;

import io.wasmhive.procedure.derive.sql.SqlEngines;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The derivations' {@link DerivationProperties} and their SQL engines ({@code derivation.sql-engine} for new ones). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DerivationProperties.class)
class DerivationConfiguration {

  @Bean
  SqlEngines derivationSqlEngines(DerivationProperties properties) {
    return new SqlEngines(properties.sqlEngine());
  }
}
