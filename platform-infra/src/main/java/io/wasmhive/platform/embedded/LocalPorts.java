package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Probes of TCP ports on the loopback address, where every embedded store of a local run lives. */
final class LocalPorts {

  /** The only address embedded stores bind to. */
  static final String HOST = "127.0.0.1";

  private static final int CONNECT_TIMEOUT_MILLIS = 500;

  private LocalPorts() {
  }

  /** Whether something accepts connections on the port. Blocks for at most half a second. */
  static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException notListening) {
      return false;
    }
  }

  /**
   * Waits until something accepts connections on the port, for instance a server that another
   * local process is starting at the same time. Blocks for at most the timeout.
   */
  static boolean awaitListening(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (isListening(port)) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Waits until nothing accepts connections on the port any more. Blocks for at most the timeout. */
  static boolean awaitClosed(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isListening(port)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** A port that is free now; a server that cannot bind port 0 itself (redis-server) takes it. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + HOST, e);
    }
  }
}
