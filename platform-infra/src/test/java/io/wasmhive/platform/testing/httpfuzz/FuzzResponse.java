package io.wasmhive.platform.testing.httpfuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the service answered: the status (0 when it closed the connection without an answer), the headers by
 * lower-case name (the last of duplicates), the body (empty for an event stream, which is not read), and whether
 * the server closed the connection before the whole request was written (then the body may be lost: a TCP reset
 * discards what the client had not read yet). Immutable.
 */
public record FuzzResponse(int status, Map<String, String> headers, byte[] body, boolean cut) {

  /** The answer when the server closed the connection without writing a status line. */
  static FuzzResponse closed() {
    return new FuzzResponse(0, Map.of(), new byte[0], true);
  }

  FuzzResponse cut(boolean requestCut) {
    return new FuzzResponse(status, headers, body, requestCut);
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The content type, or the empty string. */
  public String contentType() {
    return headers.getOrDefault("content-type", "");
  }

  /** Status, content type and the body's first 1,000 characters, for an assertion message. */
  public String describe() {
    return "HTTP " + status + " (" + contentType() + ", " + body.length + " bytes): " + FuzzRequest.cut(text(), 1000);
  }
}
