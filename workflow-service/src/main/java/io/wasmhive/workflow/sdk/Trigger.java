package io.wasmhive.workflow.sdk;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A trigger: {@code {"type": "event"|"cron"|"time"|"onchain", "params": {…}}}. The params are kept as sent
 * (members in their order, unknown members included) so that the workflow is written back unchanged.
 *
 * @param type {@code event}, {@code cron}, {@code time} or {@code onchain}
 * @param params the trigger's parameters, a JSON object (a private copy; the accessor returns a copy too)
 */
public record Trigger(String type, JsonNode params) {

  public Trigger {
    Objects.requireNonNull(type, "type");
    params = params.deepCopy();
  }

  /** A copy of the parameters: the record stays immutable. */
  @Override
  public JsonNode params() {
    return params.deepCopy();
  }
}
