package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Whether a port speaks Redis: sends {@code PING} in RESP and expects {@code +PONG}. */
final class RedisPing {

  private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final String PONG = "+PONG";

  private RedisPing() {
  }

  /** Whether a Redis server on the loopback port answers {@code PING}. Blocks up to 2 seconds. */
  static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LocalPorts.HOST, port), 1_000);
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write(PING);
      socket.getOutputStream().flush();
      return PONG.equals(readLine(socket.getInputStream()));
    } catch (IOException notRedis) {
      return false;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\r' && line.length() < 64) {
      line.append((char) c);
    }
    return line.toString();
  }
}
