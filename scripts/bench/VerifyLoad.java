import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verified-operator benchmark's load generator (scripts/bench-verify.sh), in its own JVM, JDK only. One job of
 * one WebAssembly step reading an ERC-20 balance through the file bridge (one eth_call to anvil). Per sample: a
 * leader run (POST …/runs?wait=true), then a verifying run of the same job with the leader's contexts and RPC
 * recording, which re-executes the module against the recording (no network). Compares the time each run spent
 * running (startedAt → finishedAt: the WebAssembly step, the session, the recording or its check) and end to end.
 * Alternating, sequential; prints p50/p90/p99 and the ratios of the p50s and of the means.
 *
 *   java VerifyLoad.java SERVICE_URL ANVIL_URL CHAIN_ID TOKEN MODULE_REF ROUNDS SAMPLES
 */
public class VerifyLoad {

  static final String OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern TIMES = Pattern.compile("\"startedAt\":\"([^\"]+)\",\"finishedAt\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String service = args[0];
    long chainId = Long.parseLong(args[2]);
    String token = args[3];
    String moduleRef = args[4];
    int rounds = Integer.parseInt(args[5]);
    int samples = Integer.parseInt(args[6]);
    String input = "{\"token\":\"" + token + "\",\"holder\":\"" + OWNER + "\"}";
    String workflow = "{\"workflow\":{\"owner\":\"" + OWNER + "\",\"triggers\":[],\"jobs\":[{\"id\":\"job-1\","
        + "\"chainId\":" + chainId + ",\"steps\":[{\"target\":\"0x0000000000000000000000000000000000000000\","
        + "\"abi\":\"\",\"args\":[],\"value\":\"0\",\"type\":\"wasm\",\"wasmHash\":\"" + moduleRef + "\","
        + "\"wasmInput\":" + input + ",\"wasmId\":\"balance\"}],\"session\":\"c2Vzc2lvbg\"}]},"
        + "\"metadata\":{\"createdAt\":1767225600000,\"version\":\"1.0.0\"}}";
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(post(service + "/workflows", workflow));
    if (!id.find()) {
      throw new IllegalStateException("no workflow id");
    }
    String runUrl = service + "/workflows/" + id.group(1) + "/jobs/job-1/runs?wait=true";
    Sample warm = new Sample();
    for (int i = 0; i < 100; i++) {
      warm.pair(runUrl);
    }
    Sample measured = new Sample();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < samples; i++) {
        measured.pair(runUrl);
      }
    }
    report("leader: claimed → finished (module + anvil)", measured.leaderRunning);
    report("verify: claimed → finished (module + recording)", measured.verifyRunning);
    report("leader: end to end (run?wait=true)", measured.leaderTotal);
    report("verify: end to end (run?wait=true)", measured.verifyTotal);
    System.out.printf(Locale.ROOT, "verify / leader, claimed → finished: p50 %.2fx, mean %.2fx%n",
        percentile(measured.verifyRunning, 50) / percentile(measured.leaderRunning, 50),
        mean(measured.verifyRunning) / mean(measured.leaderRunning));
    System.out.printf(Locale.ROOT, "verify / leader, end to end: p50 %.2fx%n",
        percentile(measured.verifyTotal, 50) / percentile(measured.leaderTotal, 50));
  }

  static final class Sample {
    final List<Long> leaderRunning = new ArrayList<>();
    final List<Long> verifyRunning = new ArrayList<>();
    final List<Long> leaderTotal = new ArrayList<>();
    final List<Long> verifyTotal = new ArrayList<>();

    void pair(String runUrl) throws Exception {
      long start = System.nanoTime();
      String leader = post(runUrl, "");
      leaderTotal.add(System.nanoTime() - start);
      leaderRunning.add(running(leader, "SUCCEEDED"));
      // The view's last members are the leader's contexts and recording, in this order (RunView's property order).
      int contexts = leader.indexOf(",\"wasmRefContext\":");
      String body = "{\"mode\":\"verify\"" + leader.substring(contexts, leader.length() - 1) + "}";
      start = System.nanoTime();
      String verified = post(runUrl, body);
      verifyTotal.add(System.nanoTime() - start);
      verifyRunning.add(running(verified, "SUCCEEDED"));
      if (!verified.contains("\"verification\":{\"status\":\"verified\"")) {
        throw new IllegalStateException("not verified: " + verified);
      }
    }
  }

  static long running(String run, String status) {
    if (!run.contains("\"status\":\"" + status + "\"")) {
      throw new IllegalStateException("run did not succeed: " + run);
    }
    Matcher times = TIMES.matcher(run);
    if (!times.find()) {
      throw new IllegalStateException("no times in " + run);
    }
    return Duration.between(Instant.parse(times.group(1)), Instant.parse(times.group(2))).toNanos();
  }

  static String post(String url, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  static double mean(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
  }

  static double percentile(List<Long> nanos, double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  static void report(String side, List<Long> nanos) {
    System.out.printf(Locale.ROOT, "%-50s n=%d p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  mean %.3f ms%n", side,
        nanos.size(), percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), mean(nanos));
  }
}
