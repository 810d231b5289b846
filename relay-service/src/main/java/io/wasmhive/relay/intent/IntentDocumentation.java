package io.wasmhive.relay.intent;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.wasmhive.platform.openapi.ErrorStatuses;
import io.wasmhive.relay.ServesApi;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The 422 body of {@code POST /intent/execute-wasm} in the OpenAPI document: a failed execution's result, or the
 * relay's error body ({@code IDEMPOTENCY_KEY_REUSED}). Thread-safe.
 */
@ServesApi
@Component
class IntentDocumentation implements OpenApiCustomizer {

  /** The schema's name under {@code components.schemas}. */
  static final String FAILURE = "ExecutionFailure";

  @Override
  public void customise(OpenAPI api) {
    if (api.getComponents() == null) {
      api.setComponents(new Components());
    }
    api.getComponents().addSchemas(FAILURE, new JsonSchema().anyOf(List.of(
        new JsonSchema().$ref("#/components/schemas/ExecutionResult"),
        new JsonSchema().$ref("#/components/schemas/" + ErrorStatuses.ERROR_SCHEMA))));
  }
}
