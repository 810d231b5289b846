package io.wasmhive.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The MongoDB stand-in of a local run: a mongo-java-server on an H2 file that this process started
 * and owns, or the one another local service already serves on the same fixed port. Every
 * acknowledged write is committed to the file first ({@link CommittingH2Backend}), so it survives a
 * kill -9 of the owner.
 */
final class EmbeddedMongo implements AutoCloseable {

  private static final Log logger = LogFactory.getLog(EmbeddedMongo.class);

  private static final Duration RACE_WAIT = Duration.ofSeconds(10);

  private final MongoServer ownedServer;

  private final int port;

  private EmbeddedMongo(MongoServer ownedServer, int port) {
    this.ownedServer = ownedServer;
    this.port = port;
  }

  /**
   * Joins the server on the fixed port if one answers there, else starts one. Port 0 always starts
   * one on an ephemeral port. Blocks until the server accepts connections; not thread-safe.
   */
  static EmbeddedMongo startOrJoin(EmbeddedStoresProperties.Mongo settings, Path dataDir) {
    int port = settings.port();
    if (port != 0 && LocalPorts.isListening(port)) {
      return join(port);
    }
    try {
      return start(port, dataDir, settings.cacheSizeMib());
    } catch (RuntimeException startFailed) {
      // Another service of the same local run may have won the race for the port (and the file).
      if (port != 0 && LocalPorts.awaitListening(port, RACE_WAIT)) {
        return join(port);
      }
      throw startFailed;
    }
  }

  private static EmbeddedMongo join(int port) {
    if (!MongoPing.answers(port)) {
      throw new IllegalStateException("Port " + port + " on " + LocalPorts.HOST
          + " is taken by something that is not MongoDB: set wasmhive.embedded.mongo.port or MONGODB_URI");
    }
    logger.info("Joining the embedded MongoDB that another local service serves on "
        + LocalPorts.HOST + ":" + port);
    return new EmbeddedMongo(null, port);
  }

  private static EmbeddedMongo start(int port, Path dataDir, int cacheMib) {
    Path file = dataDir.resolve("mongodb").resolve("wasmhive.mv");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file.getParent(), e);
    }
    MongoServer server = new MongoServer(CommittingH2Backend.open(file.toString(), cacheMib));
    try {
      server.bind(LocalPorts.HOST, port);
    } catch (RuntimeException bindFailed) {
      server.shutdownNow();
      throw bindFailed;
    }
    int boundPort = server.getLocalAddress().getPort();
    logger.info("Started the embedded MongoDB (mongo-java-server, H2 file " + file + ", page cache " + cacheMib
        + " MiB) on "
        + LocalPorts.HOST + ":" + boundPort);
    return new EmbeddedMongo(server, boundPort);
  }

  /** The port the server listens on. */
  int port() {
    return port;
  }

  /** Whether this process started the server, rather than joined another process's. */
  boolean owned() {
    return ownedServer != null;
  }

  /** The connection string of the given database on this server. */
  ConnectionString connectionString(String database) {
    return new ConnectionString("mongodb://" + LocalPorts.HOST + ":" + port + "/" + database);
  }

  /** Stops the server if this process owns it, flushing the H2 file; a joined one is left running. */
  @Override
  public void close() {
    if (ownedServer != null) {
      ownedServer.shutdown();
      logger.info("Stopped the embedded MongoDB on " + LocalPorts.HOST + ":" + port);
    }
  }
}
