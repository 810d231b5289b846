package io.wasmhive.relay.guard;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The guards' own Redis connection. The application's client waits up to a minute for a command while Redis
 * is away (Lettuce queues commands until it reconnects, then replays them); a guard must instead fail within
 * its {@code redis-timeout} and must not replay a claim later, so this connection rejects commands while
 * disconnected and times them out quickly. It still reconnects by itself, at least once a second (Lettuce's
 * default backs off to 30 seconds, which would keep a guard on its fallback long after Redis returned).
 * Thread-safe; {@link #close()} closes the connection and its client resources when this holder owns them.
 */
final class GuardRedis implements AutoCloseable {

  private final StringRedisTemplate template;

  private static final Delay RECONNECT_DELAY =
      Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS);

  private final LettuceConnectionFactory ownedFactory;

  private final ClientResources ownedResources;

  private GuardRedis(StringRedisTemplate template, LettuceConnectionFactory ownedFactory,
      ClientResources ownedResources) {
    this.template = template;
    this.ownedFactory = ownedFactory;
    this.ownedResources = ownedResources;
  }

  /** A fail-fast connection to a standalone server; connects lazily, on the first command. */
  static GuardRedis standalone(RedisStandaloneConfiguration server, boolean ssl, Duration commandTimeout) {
    ClientResources resources = ClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
        .clientResources(resources)
        .commandTimeout(commandTimeout)
        .clientOptions(ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
    if (ssl) {
      client.useSsl();
    }
    LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client.build());
    factory.afterPropertiesSet();
    factory.start();
    return new GuardRedis(new StringRedisTemplate(factory), factory, resources);
  }

  /** A fail-fast connection to {@code host:port}, database 0, without credentials. */
  static GuardRedis standalone(String host, int port, Duration commandTimeout) {
    return standalone(new RedisStandaloneConfiguration(host, port), false, commandTimeout);
  }

  /** The application's own template, for topologies this class does not build (sentinel, cluster). */
  static GuardRedis shared(StringRedisTemplate template) {
    return new GuardRedis(template, null, null);
  }

  /** Server settings with credentials and database. */
  static RedisStandaloneConfiguration server(String host, int port, int database, String username,
      String password) {
    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, port);
    server.setDatabase(database);
    server.setUsername(username);
    server.setPassword(RedisPassword.of(password));
    return server;
  }

  StringRedisTemplate template() {
    return template;
  }

  @Override
  public void close() {
    if (ownedFactory != null) {
      ownedFactory.destroy();
      ownedResources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
