package io.wasmhive.relay.events;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.wasmhive.platform.openapi.ErrorStatuses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * {@code GET} and {@code HEAD /intent/execute-wasm/events} in the OpenAPI document: a servlet of its own
 * ({@link ExecutionEventsServlet}), which springdoc does not see. Thread-safe.
 */
final class ExecutionEventsDocumentation implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI api) {
    api.path(ExecutionEventsConfiguration.PATH, new PathItem().get(subscribe()).head(head()));
  }

  private static Operation subscribe() {
    ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse()
        .description("Server-Sent Events: execution_queued, execution_started, execution_progress, "
            + "execution_completed (docs/events.md), each with its stream id as id; missed events are replayed after "
            + "Last-Event-ID")
        .content(new Content().addMediaType("text/event-stream", new MediaType().schema(
            new JsonSchema().types(Set.of("string"))).example("id: 1767323045678-0\nevent: execution_queued\n"
                + "data: {\"type\":\"execution_queued\",\"request_id\":\"abc123\",\"cid\":\"bafk...\",\"position\":1}"
                + "\n\n"))));
    for (int status : new int[] {400, 404, 429, 503}) {
      responses.addApiResponse(Integer.toString(status), ErrorStatuses.response(status));
    }
    return new Operation().operationId("executionEvents").addTagsItem("events")
        .summary("Subscribe to the lifecycle events of this user's executions (all users' with events:watch-all)")
        .parameters(List.of(
            new Parameter().in("query").name(ExecutionEventsServlet.REQUEST_ID_PARAM)
                .description("Only this execution's events").schema(new JsonSchema().types(Set.of("string"))),
            new Parameter().in("header").name("Last-Event-ID")
                .description("Resume after this event id").schema(new JsonSchema().types(Set.of("string")))))
        .responses(responses);
  }

  private static Operation head() {
    return new Operation().operationId("executionEventsHead").addTagsItem("events")
        .summary("The stream's headers without subscribing")
        .responses(new ApiResponses()
            .addApiResponse("200", new ApiResponse().description("The stream would open"))
            .addApiResponse("404", ErrorStatuses.response(404)));
  }
}
