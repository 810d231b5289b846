package io.wasmhive.executor.internal.host;

import java.nio.charset.StandardCharsets;

/**
 * A strict JSON (RFC 8259) validator over UTF-8 bytes that also picks out the top-level {@code "id"} member.
 * Strings must be well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF), as
 * RFC 8259 requires of JSON exchanged between systems; a byte order mark is refused. Recursion is bounded by
 * {@link #MAX_DEPTH}, so hostile nesting cannot overflow the host's stack.
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
      } else if (b < 0) {
        utf8(b & 0xff);
      }
    }
  }

  /** The rest of a UTF-8 sequence that starts with {@code lead}; RFC 3629's table of well-formed sequences. */
  private void utf8(int lead) {
    int min = 0x80;
    int max = 0xbf;
    int continuations;
    if (lead >= 0xc2 && lead <= 0xdf) {
      continuations = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      continuations = 2;
      min = lead == 0xe0 ? 0xa0 : 0x80; // No overlong three-byte forms.
      max = lead == 0xed ? 0x9f : 0xbf; // No UTF-16 surrogates.
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuations = 3;
      min = lead == 0xf0 ? 0x90 : 0x80; // No overlong four-byte forms.
      max = lead == 0xf4 ? 0x8f : 0xbf; // Nothing past U+10FFFF.
    } else {
      throw new IllegalArgumentException("invalid UTF-8 lead byte");
    }
    for (int i = 0; i < continuations; i++) {
      int next = next() & 0xff;
      if (next < min || next > max) {
        throw new IllegalArgumentException("invalid UTF-8 continuation byte");
      }
      min = 0x80;
      max = 0xbf;
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
