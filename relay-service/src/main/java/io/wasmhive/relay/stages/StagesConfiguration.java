package io.wasmhive.relay.stages;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's one {@link StageClock}, from {@code relay.stages}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StageProperties.class)
class StagesConfiguration {

  @Bean
  StageClock stageClock(StageProperties properties) {
    return properties.sampleEvery() == 0 ? StageClock.OFF : new StageClock(properties.sampleEvery());
  }
}
