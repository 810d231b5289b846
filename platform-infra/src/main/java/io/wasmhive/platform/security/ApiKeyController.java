package io.wasmhive.platform.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
class ApiKeyController {

  private final ApiKeys keys;
  private final ErrorShape shape;

  ApiKeyController(ApiKeys keys, ErrorShape shape) {
    this.keys = keys;
    this.shape = shape;
  }

  /** The body of {@code POST /admin/api-keys}. */
  record IssueRequest(String principal, String tenant, List<String> roles) {
  }

  @PostMapping("/admin/api-keys")
  ResponseEntity<Map<String, Object>> issue(@RequestBody IssueRequest request) {
    try {
      IssuedApiKey issued = keys.issue(request.principal(), request.tenant(),
          request.roles() == null ? List.of() : request.roles());
      Map<String, Object> body = view(issued.key());
      body.put("token", issued.token());
      return ResponseEntity.status(HttpStatus.CREATED).body(body);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(shape.body("INVALID_REQUEST", e.getMessage()));
    }
  }

  @GetMapping("/admin/api-keys")
  Map<String, Object> list() {
    return Map.of("keys", keys.list().stream().map(ApiKeyController::view).toList());
  }

  @DeleteMapping("/admin/api-keys/{id}")
  ResponseEntity<Map<String, Object>> revoke(@PathVariable String id) {
    if (keys.revoke(id)) {
      return ResponseEntity.noContent().build();
    }
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(shape.body("NOT_FOUND", "no valid API key has this id"));
  }

  private static Map<String, Object> view(ApiKey key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.id());
    view.put("principal", key.principal());
    view.put("tenant", key.tenant());
    view.put("roles", List.copyOf(key.roles()));
    view.put("createdAt", key.createdAt().toString());
    Instant revoked = key.revokedAt();
    view.put("revokedAt", revoked == null ? null : revoked.toString());
    return view;
  }
}
