package io.wasmhive.workflow.wasm;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
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
    // Trailing content is found by parse itself, to say where it starts as JSON.parse does.
    this.reader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
    try (JsonParser parser = reader.createParser(line)) {
      JsonNode value = reader.readValue(parser);
      int trailing = nonWhitespace(line, (int) parser.currentLocation().getCharOffset());
      return trailing < 0 ? new Parsed(value, null)
          : new Parsed(null, Verdicts.NOT_JSON_PREFIX + JsonParseMessage.trailing(trailing));
    } catch (JacksonException e) {
      return new Parsed(null, Verdicts.NOT_JSON_PREFIX + JsonParseMessage.of(line, e));
    }
  }

  /** The index of the first character from {@code from} on that is not JSON whitespace, or -1. */
  private static int nonWhitespace(String line, int from) {
    for (int i = Math.max(from, 0); i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
    }
    return -1;
  }
}
