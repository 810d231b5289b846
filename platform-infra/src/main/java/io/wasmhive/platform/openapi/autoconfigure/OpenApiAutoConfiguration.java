package io.wasmhive.platform.openapi.autoconfigure;

import io.wasmhive.platform.security.ErrorShape;
import io.wasmhive.platform.security.PlatformSecurityAutoConfiguration;
import io.wasmhive.platform.security.PublicPaths;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * The shared part of every service's OpenAPI document and its place in the security chain (ADR 0025). The document
 * ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}) are public paths: they describe the API and hold
 * no data. {@code springdoc.api-docs.enabled=false} removes both, and the public paths with them.
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class)
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class OpenApiAutoConfiguration {

  /** The paths of the document and of Swagger UI. */
  public static final List<String> DOCUMENTATION_PATHS = List.of("/v3/api-docs", "/v3/api-docs/**",
      "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**");

  static {
    // A JsonNode member (arguments, messages, results) holds any JSON value, not an object with Jackson's getters.
    SpringDocUtils.getConfig().replaceWithClass(JsonNode.class, Object.class);
  }

  @Bean
  PublicPaths openApiPublicPaths() {
    return new PublicPaths(DOCUMENTATION_PATHS);
  }

  @Bean
  ErrorResponsesCustomizer errorResponsesCustomizer() {
    return new ErrorResponsesCustomizer();
  }

  @Bean
  PlatformDocumentCustomizer platformDocumentCustomizer(ErrorShape shape, ObjectProvider<PublicPaths> publicPaths) {
    List<String> open = new ArrayList<>(List.of("/livez", "/readyz"));
    publicPaths.orderedStream().forEach(paths -> open.addAll(paths.patterns()));
    return new PlatformDocumentCustomizer(shape.body("UNAUTHORIZED",
        "authentication required: send Authorization: Bearer <API key or token>"), open);
  }
}
