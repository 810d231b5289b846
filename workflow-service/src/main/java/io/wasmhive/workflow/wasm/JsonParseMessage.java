package io.wasmhive.workflow.wasm;

import tools.jackson.core.JacksonException;

/**
 * The detail of {@code stdout is not JSON: ...}. The simulator appends its runtime's {@code JSON.parse} message,
 * which differs between Node versions; the common cases (a line that cannot start a JSON value, the text
 * {@code undefined}, a truncated value, a value followed by more) are written the way Node 20 writes them, others
 * with the parser's own first sentence.
 */
final class JsonParseMessage {

  /** V8 quotes the whole source when it is this short, else only its start. */
  private static final int SHORT_SOURCE = 40;
  private static final int CONTEXT = 10;

  private JsonParseMessage() {
  }

  static String of(String line, JacksonException e) {
    if (line.equals("undefined")) {
      return "\"undefined\" is not valid JSON";
    }
    char first = line.charAt(0);
    if (!startsValue(first)) {
      return "Unexpected token '" + first + "', " + quoted(line) + " is not valid JSON";
    }
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Unexpected end-of-input")) {
      return "Unexpected end of JSON input";
    }
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
  }

  /**
   * Node 20's message for a value followed by more than whitespace, {@code position} being the index (UTF-16 code
   * units) of the first such character.
   */
  static String trailing(int position) {
    return "Unexpected non-whitespace character after JSON at position " + position;
  }

  private static boolean startsValue(char c) {
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
  }

  private static String quoted(String source) {
    return source.length() <= SHORT_SOURCE
        ? "\"" + source + "\""
        : "\"" + source.substring(0, CONTEXT) + "\"...";
  }
}
