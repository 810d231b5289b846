import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mixed load of scripts/chaos.sh and scripts/soak.sh, in its own JVM, JDK only (run with the source launcher of
 * JDK 22 or later, which compiles the other files of this directory): steady open-loop load on all four services,
 * every accepted request recorded with its id and followed to its terminal state, then the end checks of
 * {@link Verdict}. It also is the indexer's IPFS gateway (a fake of the outside world, {@link Gateway}).
 *
 * <pre>
 *   java MixedLoad.java BASE GATEWAY_PORT REDIS_PORT SECONDS OUT_DIR [SCALE=1] [DRAIN_SECONDS=180]
 * </pre>
 *
 * The load stops after SECONDS, or earlier when a file named {@code stop} appears in OUT_DIR.
 *
 * <p>Per second at SCALE 1: 4 executions, 4 procedure calls, 0.5 procedure creates, 0.5 index jobs, 1 workflow
 * (created, then run). A kind with 16 requests in flight skips its turn (counted as not sent), so an outage does not
 * pile up threads. Exit 0 when every check passes, 1 when one fails, 2 on bad arguments.
 */
public final class MixedLoad {

  private static final int MAX_IN_FLIGHT = 16;

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: MixedLoad BASE GATEWAY_PORT REDIS_PORT SECONDS OUT_DIR [SCALE] [DRAIN_SECONDS]");
      System.exit(2);
    }
    int base = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[3]);
    Path out = Files.createDirectories(Path.of(args[4]));
    double scale = args.length > 5 ? Double.parseDouble(args[5]) : 1.0;
    int drain = args.length > 6 ? Integer.parseInt(args[6]) : 180;
    Path guests = Path.of(System.getProperty("guests", "executor-core/src/test/resources/guests"));

    try (Gateway gateway = new Gateway(Integer.parseInt(args[1]))) {
      Platform platform = Platform.prepare(base, guests);
      Ledger ledger = new Ledger(out);
      Minutes minutes = new Minutes(out);
      Workloads load = new Workloads(platform, ledger, minutes, gateway, Long.toString(System.currentTimeMillis(), 36));
      load.createFirstProcedure();
      Map<String, Runnable> kinds = new LinkedHashMap<>();
      kinds.put("exec", load::execute);
      kinds.put("proc-call", load::callProcedure);
      kinds.put("proc-create", load::createProcedure);
      kinds.put("proc-drop", load::dropProcedure);
      kinds.put("index", load::index);
      kinds.put("workflow", load::workflow);
      Map<String, Double> rates = Map.of("exec", 4.0, "proc-call", 4.0, "proc-create", 0.5, "proc-drop", 0.5,
          "index", 0.5, "workflow", 1.0);
      System.out.println("load: " + seconds + " s at scale " + scale + " on " + platform.relay() + ".."
          + (base + 3) + "; gateway 127.0.0.1:" + args[1]);
      run(kinds, rates, scale, seconds, out.resolve("stop"), minutes, new Poller(platform, ledger));

      Poller poller = new Poller(platform, ledger);
      long deadline = System.currentTimeMillis() + drain * 1000L;
      int remaining;
      while ((remaining = poller.round(0, 500)) > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(1000);
      }
      System.out.println("drained: " + remaining + " still pending after the load");
      System.out.println("refused or unanswered (not accepted, so not checked): " + minutes.refusals());
      ledger.close();
      boolean passed = new Verdict(platform, ledger, gateway, Integer.parseInt(args[2])).judge(out,
          poller.reclaimedRuns);
      System.exit(passed ? 0 : 1);
    }
  }

  private static void run(Map<String, Runnable> kinds, Map<String, Double> rates, double scale, int seconds,
      Path stopFile, Minutes minutes, Poller poller) throws InterruptedException {
    ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    ExecutorService senders = Executors.newFixedThreadPool(MAX_IN_FLIGHT * kinds.size());
    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    kinds.forEach((kind, send) -> {
      AtomicInteger flying = inFlight.computeIfAbsent(kind, k -> new AtomicInteger());
      long period = (long) (1_000_000_000L / (rates.get(kind) * scale));
      ticks.scheduleAtFixedRate(() -> {
        if (flying.incrementAndGet() > MAX_IN_FLIGHT) {
          flying.decrementAndGet();
          return;
        }
        senders.execute(() -> {
          try {
            send.run();
          } catch (RuntimeException e) {
            System.err.println(kind + ": " + e);
          } finally {
            flying.decrementAndGet();
          }
        });
      }, period, period, TimeUnit.NANOSECONDS);
    });
    ticks.scheduleAtFixedRate(minutes::roll, 60, 60, TimeUnit.SECONDS);
    Thread follower = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        poller.round(1500, 200);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long end = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < end && !Files.exists(stopFile)) {
      Thread.sleep(250);
    }
    ticks.shutdownNow();
    senders.shutdown();
    senders.awaitTermination(60, TimeUnit.SECONDS);
    follower.interrupt();
    follower.join();
    minutes.roll();
  }
}
