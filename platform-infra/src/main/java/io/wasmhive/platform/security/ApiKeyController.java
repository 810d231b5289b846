package io.wasmhive.platform.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.platform.openapi.ErrorResponses;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/api-keys}, for administrators only (the security chain checks the role before a request gets
 * here): {@code POST} issues a key and shows its token once, {@code GET} lists keys without secrets,
 * {@code DELETE /admin/api-keys/{id}} revokes one.
 */
@RestController
@Tag(name = "admin", description = "API keys, for administrators (secure mode; every caller is one in local mode)")
class ApiKeyController {

  private final ApiKeys keys;
  private final ErrorShape shape;

  ApiKeyController(ApiKeys keys, ErrorShape shape) {
    this.keys = keys;
    this.shape = shape;
  }

  /** The body of {@code POST /admin/api-keys}. */
  @Schema(example = "{\"principal\":\"ops\",\"tenant\":\"ops\",\"roles\":[\"admin\"]}")
  record IssueRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String principal,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String tenant, List<String> roles) {
  }

  /** A key as the admin API shows it: never its secret; {@code token} only in the answer that issued it. */
  @Schema(requiredProperties = {"id", "principal", "tenant", "roles", "createdAt", "revokedAt"})
  record KeyView(String id, String principal, String tenant, List<String> roles,
      @Schema(format = "date-time") String createdAt,
      @Schema(format = "date-time", types = {"string", "null"}) String revokedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL)
      @Schema(description = "whk_<id>_<secret>: shown once, in the answer to POST") String token) {

    static KeyView of(ApiKey key, String token) {
      Instant revoked = key.revokedAt();
      return new KeyView(key.id(), key.principal(), key.tenant(), List.copyOf(key.roles()),
          key.createdAt().toString(), revoked == null ? null : revoked.toString(), token);
    }
  }

  /** The body of {@code GET /admin/api-keys}. */
  record KeyList(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<KeyView> keys) {
  }

  @PostMapping("/admin/api-keys")
  @Operation(summary = "Issue an API key; its token is in this answer and nowhere else")
  @ErrorResponses(400)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Issued")
  ResponseEntity<Object> issue(@RequestBody IssueRequest request) {
    try {
      IssuedApiKey issued = keys.issue(request.principal(), request.tenant(),
          request.roles() == null ? List.of() : request.roles());
      return ResponseEntity.status(HttpStatus.CREATED).body(KeyView.of(issued.key(), issued.token()));
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
          .body(shape.body("INVALID_REQUEST", e.getMessage()));
    }
  }

  @GetMapping("/admin/api-keys")
  @Operation(summary = "List the API keys, without secrets")
  KeyList list() {
    return new KeyList(keys.list().stream().map(key -> KeyView.of(key, null)).toList());
  }

  @DeleteMapping("/admin/api-keys/{id}")
  @Operation(summary = "Revoke an API key")
  @ErrorResponses(404)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Revoked")
  ResponseEntity<Map<String, Object>> revoke(@PathVariable String id) {
    if (keys.revoke(id)) {
      return ResponseEntity.noContent().build();
    }
    // JSON whatever the client accepts: content negotiation would otherwise leave the error's body empty.
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(shape.body("NOT_FOUND", "no valid API key has this id"));
  }
}
