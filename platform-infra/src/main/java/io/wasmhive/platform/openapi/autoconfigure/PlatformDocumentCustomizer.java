package io.wasmhive.platform.openapi.autoconfigure;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.wasmhive.platform.openapi.ErrorStatuses;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every service's document shares, added once the service's own operations are in: optional members that may
 * be null, the error schema, the bearer scheme required by every operation but the public ones, the security chain's
 * 401 (not on public paths) and 403 (a refused origin or host, everywhere), one relative server (the document is
 * the same on every port) and the paths in order. Thread-safe.
 */
final class PlatformDocumentCustomizer implements GlobalOpenApiCustomizer {

  /** The name of the bearer scheme under {@code components.securitySchemes}. */
  static final String BEARER = "bearer";

  private final Map<String, Object> errorExample;
  private final List<PathPattern> publicPaths;

  PlatformDocumentCustomizer(Map<String, Object> errorExample, List<String> publicPaths) {
    this.errorExample = errorExample;
    this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  public void customise(OpenAPI api) {
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    if (components.getSchemas() != null) {
      components.getSchemas().values().forEach(PlatformDocumentCustomizer::optionalMayBeNull);
    }
    components.addSchemas(ErrorStatuses.ERROR_SCHEMA, ErrorSchemas.of(errorExample).example(errorExample));
    components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
        .description("An API key (whk_<id>_<secret>, issued by POST /admin/api-keys or the api-key command) or a "
            + "JWT, in secure mode. In local mode (loopback only) no credentials are needed."));
    api.setComponents(components);
    api.setServers(List.of(new Server().url("/").description("this service")));
    Paths sorted = new Paths();
    new TreeMap<>(api.getPaths() == null ? Map.of() : api.getPaths()).forEach((path, item) -> {
      secure(path, item);
      sorted.addPathItem(path, item);
    });
    api.setPaths(sorted);
  }

  /**
   * A member a schema does not require may also be {@code null}: the services write records with Jackson's default
   * inclusion, so an absent value is written as {@code null} unless the record says otherwise.
   */
  private static void optionalMayBeNull(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    schema.getProperties().replaceAll((name, property) -> {
      optionalMayBeNull(property);
      if (required.contains(name)) {
        return property;
      }
      if (property.get$ref() != null) {
        return new JsonSchema().anyOf(List.of(property, new JsonSchema().types(Set.of("null"))));
      }
      if (property.getTypes() != null && !property.getTypes().isEmpty()) {
        Set<String> types = new TreeSet<>(property.getTypes());
        types.add("null");
        property.setTypes(types);
      }
      return property;
    });
  }

  private void secure(String path, PathItem item) {
    boolean open = isPublic(path);
    for (Operation operation : item.readOperations()) {
      if (operation.getResponses() == null) {
        operation.setResponses(new ApiResponses());
      }
      if (open) {
        operation.setSecurity(List.of());
      } else {
        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        operation.getResponses().putIfAbsent("401", ErrorStatuses.response(401));
      }
      operation.getResponses().putIfAbsent("403", ErrorStatuses.response(403));
    }
  }

  private boolean isPublic(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
  }
}
