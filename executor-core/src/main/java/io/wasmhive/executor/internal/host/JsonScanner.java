package io.wasmhive.executor.internal.host;

import java.nio.charset.StandardCharsets;

/**
 * A strict JSON (RFC 8259) validator over UTF-8 bytes that also picks out the top-level {@code "id"} member.
 * Recursion is bounded by {@link #MAX_DEPTH}, so hostile nesting cannot overflow the host's stack.
 */
final class JsonScanner {

  static final int MAX_DEPTH = 256;

  private final byte[] json;
  private int at;
  private String id = "null";
  private boolean idValid = true;

  private JsonScanner(byte[] json) {
    this.json = json;
  }

  /** Scans {@code json}; never throws. */
  static JsonRequestScan scan(byte[] json) {
    JsonScanner scanner = new JsonScanner(json);
    try {
      scanner.whitespace();
      boolean object = scanner.peek() == '{';
      scanner.value(0);
      scanner.whitespace();
      if (scanner.at != json.length) {
        return JsonRequestScan.MALFORMED;
      }
      return new JsonRequestScan(true, object, object ? scanner.id : "null", scanner.idValid);
    } catch (IllegalArgumentException e) {
      return JsonRequestScan.MALFORMED;
    }
  }

  private void value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested too deeply");
    }
    switch (peek()) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void object(int depth) {
    expect('{');
    whitespace();
    if (peek() == '}') {
      at++;
      return;
    }
    do {
      whitespace();
      int keyStart = at;
      string();
      boolean isId = depth == 0 && at - keyStart == 4 && json[keyStart + 1] == 'i' && json[keyStart + 2] == 'd';
      whitespace();
      expect(':');
      whitespace();
      int valueStart = at;
      byte first = peek();
      value(depth + 1);
      if (isId) {
        idValid = first == '"' || first == 'n' || first == '-' || (first >= '0' && first <= '9');
        id = idValid ? new String(json, valueStart, at - valueStart, StandardCharsets.UTF_8) : "null";
      }
      whitespace();
    } while (next() == ',');
    at--;
    expect('}');
  }

  private void array(int depth) {
    expect('[');
    whitespace();
    if (peek() == ']') {
      at++;
      return;
    }
    do {
      whitespace();
      value(depth + 1);
      whitespace();
    } while (next() == ',');
    at--;
    expect(']');
  }

  private void string() {
    expect('"');
    while (true) {
      byte b = next();
      if (b == '"') {
        return;
      }
      if ((b & 0xff) < 0x20) {
        throw new IllegalArgumentException("control character in string");
      }
      if (b == '\\') {
        escape();
      }
    }
  }

  private void escape() {
    byte b = next();
    if (b == 'u') {
      for (int i = 0; i < 4; i++) {
        if (Character.digit(next(), 16) < 0) {
          throw new IllegalArgumentException("bad unicode escape");
        }
      }
    } else if ("\"\\/bfnrt".indexOf(b) < 0) {
      throw new IllegalArgumentException("bad escape");
    }
  }

  private void number() {
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else {
      digits();
    }
    if (at < json.length && json[at] == '.') {
      at++;
      digits();
    }
    if (at < json.length && (json[at] == 'e' || json[at] == 'E')) {
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      digits();
    }
  }

  private void digits() {
    int start = at;
    while (at < json.length && json[at] >= '0' && json[at] <= '9') {
      at++;
    }
    if (at == start) {
      throw new IllegalArgumentException("digit expected");
    }
  }

  private void literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      expect(word.charAt(i));
    }
  }

  private void whitespace() {
    while (at < json.length && (json[at] == ' ' || json[at] == '\t' || json[at] == '\n' || json[at] == '\r')) {
      at++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalArgumentException("'" + c + "' expected");
    }
  }

  private byte peek() {
    if (at >= json.length) {
      throw new IllegalArgumentException("unexpected end");
    }
    return json[at];
  }

  private byte next() {
    byte b = peek();
    at++;
    return b;
  }
}
