package io.wasmhive.relay.events;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the relay's error shape, {@code {"success":false,"error":{"code":"...","message":"..."}}}, for the
 * requests the events servlet refuses (it runs outside Spring MVC's exception handling). Thread-safe.
 */
final class SseErrors {

  private final JsonMapper mapper;

  SseErrors(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Writes the error as the whole response. Blocks while the body is written. */
  void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    ObjectNode body = mapper.createObjectNode();
    body.put("success", false);
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    byte[] bytes = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
