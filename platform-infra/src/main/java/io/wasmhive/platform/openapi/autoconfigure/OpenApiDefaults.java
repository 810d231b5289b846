package io.wasmhive.platform.openapi.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * springdoc's settings for every service, in one place and below everything a deployment sets: OpenAPI 3.1, the
 * document written with sorted keys and indented (so that the committed copies in {@code docs/openapi/} diff
 * well), JSON as what an endpoint answers unless it says otherwise, Swagger UI at {@code /swagger-ui.html}, no actuator endpoints (they live on the management port), and no
 * generic responses guessed from the services' exception handlers (each endpoint lists its own).
 */
public class OpenApiDefaults implements EnvironmentPostProcessor {

  /** The name of the property source this post-processor adds, last of all. */
  public static final String PROPERTY_SOURCE_NAME = "wasmhiveOpenApiDefaults";

  static final Map<String, Object> DEFAULTS = Map.of(
      // On by decision (ADR 0025), which also keeps springdoc from warning that nobody decided.
      "springdoc.api-docs.enabled", "true",
      "springdoc.swagger-ui.enabled", "true",
      "springdoc.api-docs.version", "openapi_3_1",
      "springdoc.writer-with-order-by-keys", "true",
      "springdoc.writer-with-default-pretty-printer", "true",
      "springdoc.swagger-ui.path", "/swagger-ui.html",
      "springdoc.show-actuator", "false",
      "springdoc.default-produces-media-type", "application/json",
      "springdoc.override-with-generic-response", "false");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
  }
}
