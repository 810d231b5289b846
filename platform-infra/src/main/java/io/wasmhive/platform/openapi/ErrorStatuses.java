package io.wasmhive.platform.openapi;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.Set;

/**
 * The documented error responses, one per status: a sentence saying what the status means on this platform and
 * the service's error body ({@code #/components/schemas/Error}); 429 and 503 carry {@code Retry-After}. Stateless.
 */
public final class ErrorStatuses {

  /** The name of the error body's schema under {@code components.schemas}. */
  public static final String ERROR_SCHEMA = "Error";

  private static final Map<Integer, String> MEANINGS = Map.ofEntries(
      Map.entry(400, "The request breaks the endpoint's rules; error.code and error.message say which."),
      Map.entry(401, "No credentials, or invalid, expired or revoked ones (secure mode); WWW-Authenticate: Bearer."),
      Map.entry(403, "The caller may not do this (a role, an owner), or a browser origin or host name is refused."),
      Map.entry(404, "No such resource, or one the caller may not see."),
      Map.entry(405, "The endpoint does not take this method."),
      Map.entry(406, "The endpoint cannot answer in an accepted media type."),
      Map.entry(409, "The request conflicts with the resource's state."),
      Map.entry(413, "The body is larger than the configured limit; nothing was stored."),
      Map.entry(415, "The body's media type is not one the endpoint takes."),
      Map.entry(422, "The request was understood but failed (a guest's failure, a reused idempotency key)."),
      Map.entry(429, "A limit of the caller is used up; Retry-After says when to try again."),
      Map.entry(500, "A failure of the service; the message carries only a reference to its log."),
      Map.entry(503, "A store or a capacity of the service is unavailable; Retry-After says when to try again."),
      Map.entry(504, "No result in time; the work may still finish."));

  private ErrorStatuses() {
  }

  /** The response for {@code status}. */
  public static ApiResponse response(int status) {
    String meaning = MEANINGS.get(status);
    if (meaning == null) {
      throw new IllegalArgumentException("no documented meaning for error status " + status);
    }
    Schema<?> body = new JsonSchema().$ref("#/components/schemas/" + ERROR_SCHEMA);
    ApiResponse response = new ApiResponse().description(meaning)
        .content(new Content().addMediaType("application/json", new MediaType().schema(body)));
    if (status == 429 || status == 503) {
      response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
          .schema(new JsonSchema().types(Set.of("integer"))));
    }
    return response;
  }
}
