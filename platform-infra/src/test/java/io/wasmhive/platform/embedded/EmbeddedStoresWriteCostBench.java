package io.wasmhive.platform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.netty.channel.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.MVStore;
import redis.embedded.core.ExecutableProvider;

/**
 * What the embedded stores' durability costs (ADR 0029): small MongoDB inserts through the real
 * driver on mongo-java-server with the stock H2 backend (MVStore's background commit about once a
 * second), with {@link CommittingH2Backend} (a commit before every reply) and with a commit plus an
 * fsync; Redis SET and XADD through Lettuce (the redis-server shipped in embedded-redis) with the append-only file off, {@code everysec} and
 * {@code always}. Run by {@code scripts/bench-embedded-stores.sh}; prints one line per variant.
 */
public final class EmbeddedStoresWriteCostBench {

  private EmbeddedStoresWriteCostBench() {
  }

  /** Arguments: [mongo inserts per run=2000] [redis commands per run=20000] [runs=3]. */
  public static void main(String[] args) throws Exception {
    int inserts = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int commands = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path root = Files.createTempDirectory("wasmhive-store-bench");
    for (int run = 1; run <= runs; run++) {
      System.out.println("-- run " + run + " (load average " + loadAverage() + ")");
      for (String variant : List.of("stock", "commit", "commit+fsync")) {
        mongo(variant, root.resolve("mongo-" + variant + "-" + run + ".mv"), inserts);
      }
      for (String appendfsync : List.of("off", "everysec", "always")) {
        redis(appendfsync, root.resolve("redis-" + appendfsync + "-" + run), commands);
      }
    }
  }

  private static void mongo(String variant, Path file, int inserts) throws Exception {
    MongoServer server = new MongoServer(backend(variant, file.toString()));
    server.bind("127.0.0.1", 0);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      MongoCollection<org.bson.Document> collection = client.getDatabase("bench").getCollection("docs");
      collection.insertOne(new org.bson.Document("_id", "warm-up"));
      long start = System.nanoTime();
      for (int i = 0; i < inserts; i++) {
        collection.insertOne(document("one-" + i));
      }
      double single = (System.nanoTime() - start) / 1e3 / inserts;
      ExecutorService threads = Executors.newFixedThreadPool(4);
      start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(threads.submit(() -> {
          for (int i = 0; i < inserts / 4; i++) {
            collection.insertOne(document("four-" + thread + "-" + i));
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double four = (System.nanoTime() - start) / 1e3 / (inserts / 4 * 4);
      threads.shutdown();
      System.out.printf("mongo %-13s 1 thread %7.1f us/insert (%6.0f/s); 4 threads %7.1f us/insert (%6.0f/s)%n",
          variant, single, 1e6 / single, four, 1e6 / four);
    } finally {
      server.shutdown();
    }
    System.out.printf("mongo %-13s file %,d bytes after %d inserts%n", variant, Files.size(file), 2 * inserts + 1);
  }

  private static MongoBackend backend(String variant, String file) {
    return switch (variant) {
      case "stock" -> new H2Backend(file);
      case "commit" -> CommittingH2Backend.open(file);
      default -> new SyncingBackend(new MVStore.Builder().fileName(file).open());
    };
  }

  private static org.bson.Document document(String id) {
    return new org.bson.Document("_id", id).append("status", "RUNNING").append("owner", "alice")
        .append("payload", "x".repeat(160));
  }

  private static void redis(String appendfsync, Path dir, int commands) throws Exception {
    int port = LocalPorts.freePort();
    Files.createDirectories(dir);
    String binary = ExecutableProvider.newJarResourceProvider().get().toString();
    List<String> command = new ArrayList<>(List.of(binary, "--bind", "127.0.0.1", "--port",
        Integer.toString(port), "--dir", dir.toString(), "--save", ""));
    command.addAll(appendfsync.equals("off") ? List.of("--appendonly", "no")
        : RedisPersistence.arguments(true, appendfsync));
    Process server = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("log").toFile()).start();
    try {
      while (!RedisPing.answers(port)) {
        Thread.sleep(50);
      }
      RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        RedisCommands<String, String> redis = connection.sync();
        long start = System.nanoTime();
        for (int i = 0; i < commands; i++) {
          redis.set("idempotency:" + i, "202:run-" + i);
        }
        double set = (System.nanoTime() - start) / 1e3 / commands;
        start = System.nanoTime();
        for (int i = 0; i < commands; i++) {
          redis.xadd("bench:stream", Map.of("cid", "bafy-" + i));
        }
        double xadd = (System.nanoTime() - start) / 1e3 / commands;
        System.out.printf("redis appendfsync %-8s SET %6.1f us (%6.0f/s); XADD %6.1f us (%6.0f/s)%n",
            appendfsync, set, 1e6 / set, xadd, 1e6 / xadd);
      } finally {
        client.shutdown();
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static String loadAverage() throws Exception {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg) ? Files.readString(loadavg).split(" ")[0] : "?";
  }

  /** A commit and an fsync before every reply: what surviving a power loss too would cost. */
  private static final class SyncingBackend extends H2Backend {

    private final MVStore store;

    SyncingBackend(MVStore store) {
      super(store);
      this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
      try {
        return super.handleCommand(channel, database, command, query);
      } finally {
        if (store.hasUnsavedChanges()) {
          store.commit();
          store.sync();
        }
      }
    }
  }
}
