package io.wasmhive.procedure.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's {@code GET /health}: answers while the server takes requests. The actuator's
 * {@code /actuator/health} reports the stores as well.
 */
@RestController
@Tag(name = "health")
class HealthController {

  private static final Map<String, String> OK = Map.of("status", "ok");

  @GetMapping("/health")
  @Operation(summary = "Seed 003's health check: {\"status\":\"ok\"} while the server takes requests (public)")
  Map<String, String> health() {
    return OK;
  }
}
