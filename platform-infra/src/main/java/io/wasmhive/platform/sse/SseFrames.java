package io.wasmhive.platform.sse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The bytes of the Server-Sent Events frames every SSE endpoint of the platform writes. Events carry no
 * {@code event:} line, so that a browser's {@code EventSource.onmessage} receives them. Thread-safe.
 */
public final class SseFrames {

  /** An SSE comment: keeps idle connections (and proxies) alive and lets the server notice a gone client. */
  public static final byte[] HEARTBEAT = ascii(": heartbeat\n\n");

  private SseFrames() {
  }

  /** An event with its stream entry id; {@code json} must be one line (compact JSON is). */
  public static byte[] event(String id, String json) {
    return utf8("id: " + id + "\ndata: " + json + "\n\n");
  }

  /** An event without an id line: the client's resume point stays where it was. */
  public static byte[] data(String json) {
    return utf8("data: " + json + "\n\n");
  }

  /**
   * An id without data: the browser moves its last event id (its resume point) without dispatching a message.
   * Sent after a replay that scanned past entries this client is not shown.
   */
  public static byte[] idOnly(String id) {
    return ascii("id: " + id + "\n\n");
  }

  /** The reconnection delay hint, sent once at the start of a connection. */
  public static byte[] retry(Duration delay) {
    return ascii("retry: " + delay.toMillis() + "\n\n");
  }

  /**
   * The data of an {@code events_lost} notice: events after {@code lastEventId} up to {@code firstAvailableId}
   * (exclusive) will not be sent. Both are stream ids (digits and one dash), so they need no JSON escaping.
   */
  public static String eventsLost(String lastEventId, String firstAvailableId) {
    return "{\"type\":\"events_lost\",\"last_event_id\":\"" + lastEventId + "\",\"first_available_id\":\""
        + firstAvailableId + "\"}";
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
