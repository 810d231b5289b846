package io.wasmhive.platform.testing.httpfuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection ({@code Connection: close}): the request line and
 * headers go out byte for byte as the {@link FuzzRequest} has them (UTF-8), which {@code java.net.http} would
 * refuse or normalise. Reads at most {@value #MAX_BODY} bytes of a body; an event stream's body is not read.
 * Blocks; thread-safe (each call has its own connection).
 */
public final class RawHttp {

  static final int MAX_BODY = 4 << 20;
  private static final int MAX_HEAD = 256 << 10;

  private final int port;
  private final int timeoutMillis;

  public RawHttp(int port, Duration timeout) {
    this.port = port;
    this.timeoutMillis = (int) timeout.toMillis();
  }

  /** Sends the request and reads the answer; an answer that does not come within the timeout is an exception. */
  public FuzzResponse send(FuzzRequest request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(timeoutMillis);
      boolean written = write(socket.getOutputStream(), request);
      try {
        return read(socket.getInputStream()).cut(!written);
      } catch (IOException e) {
        if (!written && !(e instanceof SocketTimeoutException)) {
          return FuzzResponse.closed();
        }
        throw e;
      }
    }
  }

  /** Whether the whole request was written; false when the server closed the connection before the end. */
  private boolean write(OutputStream out, FuzzRequest request) {
    StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
        .append(" HTTP/1.1\r\n");
    if (!request.has("Host")) {
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    request.headers().forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
    if (!request.has("Content-Length") && !request.has("Transfer-Encoding")
        && (request.body().length > 0 || !"GET".equals(request.method()))) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try {
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(request.body());
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static FuzzResponse read(InputStream in) throws IOException {
    String head = readHead(in);
    if (head.isEmpty()) {
      return FuzzResponse.closed();
    }
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = Integer.parseInt(statusLine[1]);
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
      }
    }
    if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
      return new FuzzResponse(status, headers, new byte[0], false);
    }
    byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked(in) : rest(in, headers);
    return new FuzzResponse(status, headers, body, false);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return head.size() == 0 ? "" : fail("the connection closed inside the response head");
      }
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      if (head.size() > MAX_HEAD) {
        return fail("the response head is longer than " + MAX_HEAD + " bytes");
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] rest(InputStream in, Map<String, String> headers) throws IOException {
    String length = headers.get("content-length");
    long want = length == null ? MAX_BODY : Math.min(MAX_BODY, Long.parseLong(length));
    return in.readNBytes((int) want);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (body.size() < MAX_BODY) {
      String size = line(in);
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        break;
      }
      body.write(in.readNBytes(n));
      line(in);
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        out.append((char) b);
      }
    }
    return out.toString();
  }

  private static String fail(String message) throws IOException {
    throw new IOException(message);
  }
}
