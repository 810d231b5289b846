package io.wasmhive.platform.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded MongoDB and Redis that stand in when the environment names no external
 * store. Port 0 picks a free ephemeral port and never joins another process's server (tests).
 *
 * @param enabled whether to start or join embedded stores when no external one is configured
 * @param mongo the MongoDB stand-in
 * @param redis the Redis server
 */
@ConfigurationProperties("wasmhive.embedded")
public record EmbeddedStoresProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue Mongo mongo,
    @DefaultValue Redis redis) {

  /**
   * The MongoDB stand-in: mongo-java-server with its H2 backend, on 127.0.0.1.
   *
   * @param port the fixed port that the services of a local run share; 0 for an ephemeral one
   * @param database the database the services use
   * @param cacheSize the H2 file's page cache (MVStore's, counted in whole MiB, from 1 MiB to 1 GiB): the heap the
   *     stand-in keeps of the stored documents, in the process that hosts it; reads past it come from the file
   *     (the operating system's page cache). The soak showed the hosting service's heap after GC growing until
   *     this cache was full (docs/reliability.md)
   */
  public record Mongo(@DefaultValue("27018") int port, @DefaultValue("wasmhive") String database,
      @DefaultValue("4MB") DataSize cacheSize) {

    /** The largest page cache: the stand-in serves local runs, not production data. */
    static final DataSize MAX_CACHE_SIZE = DataSize.ofGigabytes(1);

    public Mongo {
      requirePort(port, "wasmhive.embedded.mongo.port");
      if (database == null || database.isBlank()) {
        throw new IllegalArgumentException("wasmhive.embedded.mongo.database must not be blank");
      }
      if (cacheSize == null || cacheSize.toMegabytes() < 1 || cacheSize.compareTo(MAX_CACHE_SIZE) > 0) {
        throw new IllegalArgumentException("wasmhive.embedded.mongo.cache-size must be between 1MB and 1GB, was "
            + cacheSize);
      }
    }

    /** The page cache in whole MiB, as MVStore takes it. */
    int cacheSizeMib() {
      return Math.toIntExact(cacheSize.toMegabytes());
    }
  }

  /**
   * The Redis server: the binary shipped in embedded-redis, or {@code redis-server} from the
   * PATH, on 127.0.0.1.
   *
   * @param port the fixed port that the services of a local run share; 0 for an ephemeral one
   * @param appendfsync when the append-only file is fsynced: {@code everysec} (an acknowledged
   *     write survives a kill -9 of redis-server; an operating system crash loses up to a second),
   *     {@code always} (before every reply) or {@code no} (when the operating system decides)
   */
  public record Redis(@DefaultValue("6380") int port, @DefaultValue("everysec") String appendfsync) {

    public Redis {
      requirePort(port, "wasmhive.embedded.redis.port");
      if (!RedisPersistence.APPENDFSYNC.contains(appendfsync)) {
        throw new IllegalArgumentException("wasmhive.embedded.redis.appendfsync must be one of "
            + RedisPersistence.APPENDFSYNC + ", was '" + appendfsync + "'");
      }
    }
  }

  private static void requirePort(int port, String property) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(property + " must be between 0 and 65535, was " + port);
    }
  }
}
