package io.wasmhive.workflow.events;

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
 * {@code GET /runs/{id}/events} and {@code GET /workflows/{id}/events} in the OpenAPI document: served by a filter
 * ({@link RunEventsEndpoint}), which springdoc does not see. Thread-safe.
 */
final class RunEventsDocumentation implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI api) {
    api.path("/runs/{id}/events", new PathItem().get(stream("runEvents",
        "A run's events: its history, then live ones, ending after run_finished", "The run's id")));
    api.path("/workflows/{id}/events", new PathItem().get(stream("workflowRunEvents",
        "The events of all runs of a workflow from now on (or after Last-Event-ID); stays open", "The workflow's id")));
  }

  private static Operation stream(String id, String summary, String idDescription) {
    ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse()
        .description("Server-Sent Events (docs/events.md: run_started, step_started, step_finished, run_finished, "
            + "...), each with its stream id as id")
        .content(new Content().addMediaType("text/event-stream", new MediaType().schema(
            new JsonSchema().types(Set.of("string"))))));
    for (int status : new int[] {400, 404, 429, 503}) {
      responses.addApiResponse(Integer.toString(status), ErrorStatuses.response(status));
    }
    return new Operation().operationId(id).addTagsItem("runs").summary(summary)
        .parameters(List.of(
            new Parameter().in("path").name("id").required(true).description(idDescription)
                .schema(new JsonSchema().types(Set.of("string"))),
            new Parameter().in("header").name("Last-Event-ID").description("Resume after this event id")
                .schema(new JsonSchema().types(Set.of("string")))))
        .responses(responses);
  }
}
