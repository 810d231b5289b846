package io.wasmhive.platform.testing.httpfuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request the fuzzer sends, as written on the wire: the method and request target exactly as they go on the
 * request line (already percent-encoded or deliberately not), the headers in order (duplicates allowed) and the
 * body. {@code kind} names the mutation that made it. Immutable apart from the header list it was given.
 */
public record FuzzRequest(String kind, String method, String target, List<Map.Entry<String, String>> headers,
    byte[] body) {

  /** A request without a body and with no header but those the client adds ({@code Host}, {@code Connection}). */
  public static FuzzRequest of(String method, String target) {
    return new FuzzRequest("plain", method, target, new ArrayList<>(), new byte[0]);
  }

  /** A copy with one more header. */
  public FuzzRequest header(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new FuzzRequest(kind, method, target, more, body);
  }

  /** A copy with a body and its content type. */
  public FuzzRequest body(String contentType, byte[] bytes) {
    FuzzRequest typed = contentType == null ? this : header("Content-Type", contentType);
    return new FuzzRequest(kind, method, target, typed.headers, bytes);
  }

  /** Whether a header of this name (case-insensitive) is set. */
  public boolean has(String name) {
    return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase(name));
  }

  /** What reproduces the request: kind, method, target, headers (values cut at 200 chars) and the body's start. */
  public String describe() {
    StringBuilder out = new StringBuilder().append('[').append(kind).append("] ").append(method).append(' ')
        .append(cut(target, 300)).append('\n');
    for (Map.Entry<String, String> h : headers) {
      // A real credential (the test's API key or token) never reaches a log; the seed reproduces the request.
      String value = h.getKey().equalsIgnoreCase("Authorization") && h.getValue().length() > 16
          ? cut(h.getValue().substring(0, 12), 12) + "…(" + h.getValue().length() + " chars, redacted)"
          : cut(h.getValue(), 200);
      out.append("  ").append(cut(h.getKey(), 100)).append(": ").append(value).append('\n');
    }
    out.append("  body (").append(body.length).append(" bytes): ")
        .append(cut(new String(body, 0, Math.min(body.length, 600), StandardCharsets.ISO_8859_1), 400));
    return out.toString();
  }

  static String cut(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return out.length() < max ? out.toString() : out + "…(" + text.length() + " chars)";
  }
}
