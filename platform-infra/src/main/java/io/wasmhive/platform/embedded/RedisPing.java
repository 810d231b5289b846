package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Whether a port speaks Redis ({@code PING} in RESP, expecting {@code +PONG}), and single commands
 * to the embedded Redis before any client library is set up.
 */
final class RedisPing {

  private RedisPing() {
  }

  /** Whether a Redis server on the loopback port answers {@code PING}. Blocks up to 2 seconds. */
  static boolean answers(int port) {
    try {
      return "+PONG".equals(command(port, 1_000, "PING"));
    } catch (IOException notRedis) {
      return false;
    }
  }

  /**
   * Sends one command to the Redis server on the loopback port and returns the first line of its
   * reply ({@code +OK}, {@code -ERR ...}). Blocks up to twice the timeout.
   */
  static String command(int port, int timeoutMillis, String... arguments) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LocalPorts.HOST, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(encode(arguments));
      out.flush();
      return readLine(socket.getInputStream());
    }
  }

  /**
   * Sends one command whose reply is a bulk string ({@code INFO}) and returns that string, empty
   * for a nil reply. Blocks up to twice the timeout.
   */
  static String bulk(int port, int timeoutMillis, String... arguments) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LocalPorts.HOST, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(encode(arguments));
      out.flush();
      InputStream in = socket.getInputStream();
      String header = readLine(in);
      if (!header.startsWith("$")) {
        throw new IOException("Not a bulk reply: " + header);
      }
      int length = Integer.parseInt(header.substring(1));
      return length < 0 ? "" : new String(in.readNBytes(length + 1), StandardCharsets.UTF_8).trim();
    }
  }

  private static byte[] encode(String... arguments) {
    StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
    for (String argument : arguments) {
      request.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
          .append(argument).append("\r\n");
    }
    return request.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\r' && line.length() < 256) {
      line.append((char) c);
    }
    return line.toString();
  }
}
