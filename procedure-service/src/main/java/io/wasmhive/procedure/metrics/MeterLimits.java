package io.wasmhive.procedure.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.wasmhive.procedure.config.ProcedureProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bounds on the call meters' database tags and on the (procedure, database) pairs metered on their own, as
 * filters Spring Boot applies before any meter is registered.
 */
@Configuration(proxyBeanMethods = false)
class MeterLimits {

  @Bean
  MeterFilter procedureDatabaseCap(ProcedureProperties properties) {
    return ProcedureMetrics.databaseCap(properties.metricsMaxDatabases());
  }

  @Bean
  PairCap procedurePairCap(ProcedureProperties properties) {
    return ProcedureMetrics.procedureCap(properties.metricsMaxProcedures());
  }
}
