package io.wasmhive.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary shipped in embedded-redis, Redis 6.2) for tests: bound to
 * 127.0.0.1 on a free ephemeral port, without persistence, stopped by its process on
 * {@link #close()}. It can be stopped and started again on the same port, to test outages.
 * Not thread-safe.
 */
public final class RedisTestServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final int port;
  private final Path dataDir;
  private String password;

  private RedisServer server;

  private RedisTestServer(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  /** Starts a server on a free port; blocks until it answers. */
  public static RedisTestServer start() {
    RedisTestServer redis = new RedisTestServer(freePort(), null);
    redis.startAgain();
    return redis;
  }

  /** Starts a server on a free port that requires a password ({@code requirepass}); blocks until it answers. */
  public static RedisTestServer startWithPassword(String password) {
    RedisTestServer redis = new RedisTestServer(freePort(), null);
    redis.password = password;
    redis.startAgain();
    return redis;
  }

  /**
   * Starts a server on a free port that keeps its data in an append-only file under {@code dataDir}, fsynced on
   * every write, so what it acknowledged survives {@link #stop()} and {@link #startAgain()} (a restart, not a
   * loss of data).
   */
  public static RedisTestServer startPersistent(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RedisTestServer redis = new RedisTestServer(freePort(), dataDir.toAbsolutePath());
    redis.startAgain();
    return redis;
  }

  /**
   * Starts the server (again) on its port — with no data, or for a persistent server with the data it had;
   * blocks until it answers.
   */
  public void startAgain() {
    try {
      var builder = RedisServer.newRedisServer()
          .bind(HOST)
          .port(port)
          .setting("save \"\"");
      if (password != null) {
        builder.setting("requirepass " + password);
      }
      if (dataDir == null) {
        builder.setting("appendonly no");
      } else {
        builder.setting("appendonly yes").setting("appendfsync always").setting("dir " + dataDir);
      }
      server = builder.build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start redis-server on " + HOST + ":" + port, e);
    }
  }

  /** Stops the server process; blocks until it has exited. */
  public void stop() {
    try {
      if (server != null) {
        server.stop();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
    }
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
