package io.wasmhive.procedure.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's {@code GET /health}: answers while the server takes requests. The actuator's
 * {@code /actuator/health} reports the stores as well.
 */
@RestController
class HealthController {

  private static final Map<String, String> OK = Map.of("status", "ok");

  @GetMapping("/health")
  Map<String, String> health() {
    return OK;
  }
}
