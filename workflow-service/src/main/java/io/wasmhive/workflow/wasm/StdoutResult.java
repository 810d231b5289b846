package io.wasmhive.workflow.wasm;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a finished guest's stdout as the simulator does: decode UTF-8, trim, take the first non-empty line and parse
 * it as one JSON value; later lines are ignored. Stateless and thread-safe.
 */
final class StdoutResult {

  /** The parsed value, or the verdict when there is none. Exactly one is non-null. */
  record Parsed(JsonNode value, String error) {
  }

  private final ObjectReader reader;

  StdoutResult(JsonMapper mapper) {
    this.reader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  Parsed parse(byte[] stdout) {
    String text = new String(stdout, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return new Parsed(null, Verdicts.EMPTY_STDOUT);
    }
    String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
    if (line == null) {
      return new Parsed(null, Verdicts.NO_JSON_LINE);
    }
    try {
      return new Parsed(reader.readValue(line), null);
    } catch (JacksonException e) {
      return new Parsed(null, Verdicts.NOT_JSON_PREFIX + JsonParseMessage.of(line, e));
    }
  }
}
