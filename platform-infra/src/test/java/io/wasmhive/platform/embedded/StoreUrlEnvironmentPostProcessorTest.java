package io.wasmhive.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class StoreUrlEnvironmentPostProcessorTest {

  private final StoreUrlEnvironmentPostProcessor postProcessor = new StoreUrlEnvironmentPostProcessor();

  @Test
  void mapsTheSeedsVariablesToSpringsProperties() {
    StandardEnvironment environment = environmentWith(Map.of(
        "MONGODB_URI", "mongodb://mongodb:27017/wasmhive", "REDIS_URL", "redis://redis:6379"));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://mongodb:27017/wasmhive");
    assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://redis:6379");
  }

  @Test
  void ranksBelowSpringsOwnNamesButAboveConfigurationFiles() {
    StandardEnvironment environment = environmentWith(Map.of(
        "MONGODB_URI", "mongodb://seed:27017/wasmhive", "SPRING_DATA_REDIS_URL", "redis://spring:6379",
        "REDIS_URL", "redis://seed:6379"));
    environment.getPropertySources().addLast(new MapPropertySource("application.yml",
        Map.of("spring.mongodb.uri", "mongodb://file:27017/wasmhive")));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://seed:27017/wasmhive");
    assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://spring:6379");
  }

  @Test
  void addsNothingWithoutTheVariables() {
    StandardEnvironment environment = environmentWith(Map.of("MONGODB_URI", " "));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains(StoreUrlEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
        .isFalse();
  }

  private static StandardEnvironment environmentWith(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return environment;
  }
}
