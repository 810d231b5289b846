import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executed-run benchmark's load generator (scripts/bench-workflow-execute.sh), in its own JVM, JDK only. One
 * job: a WebAssembly step reading an ERC-20 balance through the file bridge (one eth_call) and a contract step
 * transfer(recipient, 1) sent as a transaction from the service's signer ({"execute":true}), its receipt waited
 * for. POST /workflows/{id}/jobs/job-1/runs?wait=true, sequentially, end to end; every run is checked to have
 * succeeded with its transaction mined, and the recipient's balance on chain to have grown by one per run. Prints
 * p50/p90/p99/max and the split: accepted → claimed, claimed → finished, and the steps' own durations.
 *
 *   java ExecuteLoad.java SERVICE_URL ANVIL_URL CHAIN_ID TOKEN MODULE_REF ROUNDS SAMPLES
 */
public class ExecuteLoad {

  static final String OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final String RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern STEP = Pattern.compile("\"type\":\"(wasm|contract)\".*?\"durationMs\":([0-9]+)");
  static final Pattern TIMES = Pattern.compile(
      "\"createdAt\":\"([^\"]+)\",\"startedAt\":\"([^\"]+)\",\"finishedAt\":\"([^\"]+)\"");
  static final List<Long> QUEUED = new ArrayList<>();
  static final List<Long> RUNNING = new ArrayList<>();
  static final List<Long> WASM = new ArrayList<>();
  static final List<Long> CONTRACT = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    String service = args[0];
    String anvil = args[1];
    long chainId = Long.parseLong(args[2]);
    String token = args[3];
    String moduleRef = args[4];
    int rounds = Integer.parseInt(args[5]);
    int samples = Integer.parseInt(args[6]);
    String input = "{\"token\":\"" + token + "\",\"holder\":\"" + OWNER + "\"}";
    String workflow = "{\"workflow\":{\"owner\":\"" + OWNER + "\",\"triggers\":[],\"jobs\":[{\"id\":\"job-1\","
        + "\"chainId\":" + chainId + ",\"steps\":[{\"target\":\"0x0000000000000000000000000000000000000000\","
        + "\"abi\":\"\",\"args\":[],\"value\":\"0\",\"type\":\"wasm\",\"wasmHash\":\"" + moduleRef + "\","
        + "\"wasmInput\":" + input + ",\"wasmId\":\"balance\"},{\"target\":\"" + token + "\","
        + "\"abi\":\"transfer(address,uint256)\",\"args\":[\"" + RECIPIENT + "\",\"1\"],\"value\":\"0\","
        + "\"type\":\"contract\"}],\"session\":\"c2Vzc2lvbg\"}]},\"metadata\":{\"createdAt\":1767225600000,"
        + "\"version\":\"1.0.0\"}}";
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(post(service + "/workflows", workflow));
    if (!id.find()) {
      throw new IllegalStateException("no workflow id");
    }
    String runUrl = service + "/workflows/" + id.group(1) + "/jobs/job-1/runs?wait=true";
    long before = balance(anvil, token);
    int warmUp = 100;
    for (int i = 0; i < warmUp; i++) {
      run(runUrl);
    }
    QUEUED.clear();
    RUNNING.clear();
    WASM.clear();
    CONTRACT.clear();
    List<Long> runs = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < samples; i++) {
        runs.add(run(runUrl));
      }
    }
    long after = balance(anvil, token);
    long expected = warmUp + (long) rounds * samples;
    if (after - before != expected) {
      throw new IllegalStateException("the recipient's balance grew by " + (after - before) + ", not " + expected);
    }
    System.out.println("recipient's balance on chain grew by " + (after - before) + " = one token per executed run");
    report("executed run (run?wait=true, receipt included)", runs);
    report("  of which accepted → claimed (store, bus, claim)", QUEUED);
    report("  of which claimed → finished (the steps)", RUNNING);
    report("  WebAssembly step (durationMs, 1 eth_call)", WASM);
    report("  contract step (durationMs, sent and mined)", CONTRACT);
  }

  static long run(String runUrl) throws Exception {
    long start = System.nanoTime();
    String body = post(runUrl, "{\"execute\":true}");
    long elapsed = System.nanoTime() - start;
    if (!body.contains("\"status\":\"SUCCEEDED\"") || !body.contains("\"status\":\"mined\"")) {
      throw new IllegalStateException("run did not succeed with its transaction mined: " + body);
    }
    Matcher times = TIMES.matcher(body);
    if (times.find()) {
      java.time.Instant created = java.time.Instant.parse(times.group(1));
      java.time.Instant started = java.time.Instant.parse(times.group(2));
      java.time.Instant finished = java.time.Instant.parse(times.group(3));
      QUEUED.add(java.time.Duration.between(created, started).toNanos());
      RUNNING.add(java.time.Duration.between(started, finished).toNanos());
    }
    STEP.matcher(body).results().forEach(m -> (m.group(1).equals("wasm") ? WASM : CONTRACT)
        .add(Long.parseLong(m.group(2)) * 1_000_000));
    return elapsed;
  }

  static long balance(String anvil, String token) throws Exception {
    String data = "0x70a08231" + "0".repeat(24) + RECIPIENT.substring(2).toLowerCase(Locale.ROOT);
    String answer = post(anvil, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\"" + token
        + "\",\"data\":\"" + data + "\"},\"latest\"]}");
    Matcher result = Pattern.compile("\"result\":\"0x([0-9a-f]+)\"").matcher(answer);
    if (!result.find()) {
      throw new IllegalStateException("no balance in " + answer);
    }
    return Long.parseLong(result.group(1).replaceFirst("^0+(?=.)", ""), 16);
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

  static double percentile(List<Long> nanos, double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  static void report(String side, List<Long> nanos) {
    System.out.printf(Locale.ROOT, "%-50s n=%d p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", side,
        nanos.size(), percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), percentile(nanos, 100));
  }
}
