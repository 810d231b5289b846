package io.wasmhive.relay.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The bytes of the SSE frames this endpoint writes. Events carry no {@code event:} line, so that a browser's
 * {@code EventSource.onmessage} receives them, as in seed 001. Thread-safe.
 */
final class SseFrames {

  /** An SSE comment: keeps idle connections (and proxies) alive and lets the server notice a gone client. */
  static final byte[] HEARTBEAT = ascii(": heartbeat\n\n");

  private SseFrames() {
  }

  /** An event with its stream entry id; {@code json} must be one line (compact JSON is). */
  static byte[] event(String id, String json) {
    return utf8("id: " + id + "\ndata: " + json + "\n\n");
  }

  /** An event without an id line: the client's resume point stays where it was. */
  static byte[] data(String json) {
    return utf8("data: " + json + "\n\n");
  }

  /**
   * An id without data: the browser moves its last event id (its resume point) without dispatching a message.
   * Sent after a replay that scanned past entries this client is not shown.
   */
  static byte[] idOnly(String id) {
    return ascii("id: " + id + "\n\n");
  }

  /** The reconnection delay hint, sent once at the start of a connection. */
  static byte[] retry(Duration delay) {
    return ascii("retry: " + delay.toMillis() + "\n\n");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
