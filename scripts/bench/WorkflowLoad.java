import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workflow benchmark's load generator (scripts/bench-workflow.sh), in its own JVM, JDK only. One job: a
 * WebAssembly step reading an ERC-20 balance through the file bridge (one eth_call) and a contract step simulating
 * transfer(recipient, $wasm:balance) with eth_call. Side "platform": POST /workflows/{id}/jobs/job-1/runs?wait=true
 * on workflow-service, sequentially, end to end. Side "process": the reference host's way, per step a new node
 * process running the module on node:wasi (scripts/bench/wasi-runner.mjs, the file bridge served against anvil),
 * the first stdout line parsed, then the transfer simulated with one eth_call from this process. Alternating rounds;
 * prints p50/p90/p99/max of each and the ratio of the p50s.
 *
 *   java WorkflowLoad.java SERVICE_URL ANVIL_URL CHAIN_ID TOKEN MODULE_REF MODULE_FILE RUNNER ROUNDS SAMPLES
 */
public class WorkflowLoad {

  static final String OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final String RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([0-9]+)\"");
  static final Pattern STEP = Pattern.compile("\"type\":\"(wasm|contract)\".*?\"durationMs\":([0-9]+)");
  static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\",\"(error|attempts|skipped)");

  public static void main(String[] args) throws Exception {
    String service = args[0];
    String anvil = args[1];
    long chainId = Long.parseLong(args[2]);
    String token = args[3];
    String moduleRef = args[4];
    Path moduleFile = Path.of(args[5]);
    Path runner = Path.of(args[6]);
    int rounds = Integer.parseInt(args[7]);
    int samples = Integer.parseInt(args[8]);
    String input = "{\"token\":\"" + token + "\",\"holder\":\"" + OWNER + "\"}";

    String workflow = "{\"workflow\":{\"owner\":\"" + OWNER + "\",\"triggers\":[],\"jobs\":[{\"id\":\"job-1\","
        + "\"chainId\":" + chainId + ",\"steps\":[{\"target\":\"0x0000000000000000000000000000000000000000\","
        + "\"abi\":\"\",\"args\":[],\"value\":\"0\",\"type\":\"wasm\",\"wasmHash\":\"" + moduleRef + "\","
        + "\"wasmInput\":" + input + ",\"wasmId\":\"balance\"},{\"target\":\"" + token + "\","
        + "\"abi\":\"transfer(address,uint256)\",\"args\":[\"" + RECIPIENT + "\",\"$wasm:balance\"],\"value\":\"0\","
        + "\"type\":\"contract\"}],\"session\":\"c2Vzc2lvbg\"}]},\"metadata\":{\"createdAt\":1767225600000,"
        + "\"version\":\"1.0.0\"}}";
    String created = post(service + "/workflows", workflow);
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
    if (!id.find()) {
      throw new IllegalStateException("no workflow id in " + created);
    }
    String runUrl = service + "/workflows/" + id.group(1) + "/jobs/job-1/runs?wait=true";

    // Warm-up of both sides (JIT, executor cache, node's compile cache of the OS).
    for (int i = 0; i < 100; i++) {
      platform(runUrl);
    }
    for (int i = 0; i < 10; i++) {
      process(runner, moduleFile, input, anvil, token);
    }
    List<Long> platform = new ArrayList<>();
    List<Long> process = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < samples; i++) {
        platform.add(platform(runUrl));
      }
      for (int i = 0; i < samples; i++) {
        process.add(process(runner, moduleFile, input, anvil, token));
      }
    }
    String sample = post(runUrl, "");
    System.out.println("one run's steps (durationMs, gasUsed): " + STEP.matcher(sample).results()
        .map(m -> m.group(1) + " " + m.group(2) + " ms").toList() + "; run " + sample.replaceAll(
            ".*\"startedAt\":\"([^\"]+)\",\"finishedAt\":\"([^\"]+)\".*", "$1 → $2"));
    report("workflow-service (in process, run?wait=true)", platform);
    report("  of which accepted → claimed (store, bus, claim)", QUEUED.subList(QUEUED.size() - platform.size(), QUEUED.size()));
    report("  of which claimed → finished (the steps)", RUNNING.subList(RUNNING.size() - platform.size(), RUNNING.size()));
    report("a process per WebAssembly step (node:wasi)", process);
    System.out.printf(Locale.ROOT, "p50 ratio (process / platform): %.1fx%n",
        percentile(process, 50) / percentile(platform, 50));
  }

  static final List<Long> QUEUED = new ArrayList<>();
  static final List<Long> RUNNING = new ArrayList<>();
  static final Pattern TIMES = Pattern.compile(
      "\"createdAt\":\"([^\"]+)\",\"startedAt\":\"([^\"]+)\",\"finishedAt\":\"([^\"]+)\"");

  static long platform(String runUrl) throws Exception {
    long start = System.nanoTime();
    String body = post(runUrl, "");
    long elapsed = System.nanoTime() - start;
    Matcher times = TIMES.matcher(body);
    if (times.find()) {
      java.time.Instant created = java.time.Instant.parse(times.group(1));
      java.time.Instant started = java.time.Instant.parse(times.group(2));
      java.time.Instant finished = java.time.Instant.parse(times.group(3));
      QUEUED.add(java.time.Duration.between(created, started).toNanos());
      RUNNING.add(java.time.Duration.between(started, finished).toNanos());
    }
    Matcher status = STATUS.matcher(body);
    if (!status.find() || !status.group(1).equals("SUCCEEDED") || !body.contains("\"success\":true")) {
      throw new IllegalStateException("run did not succeed: " + body);
    }
    return elapsed;
  }

  static long process(Path runner, Path module, String input, String anvil, String token) throws Exception {
    long start = System.nanoTime();
    Path work = Files.createTempDirectory("wasm-rpc-");
    try {
      Process node = new ProcessBuilder("node", runner.toString(), "--invoke", "run", "--dir", work.toString(),
          "--env", "WASM_RPC_WORK_DIR=" + work, "--env", "WASM_RPC_REQUEST_FILE=wasm_rpc_request.json",
          "--env", "WASM_RPC_RESPONSE_FILE=wasm_rpc_response.json", "--bridge-rpc", anvil, module.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream stdin = node.getOutputStream()) {
        stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
      }
      String stdout = read(node.getInputStream());
      if (node.waitFor() != 0) {
        throw new IllegalStateException("the node runner failed: " + stdout);
      }
      String line = Arrays.stream(stdout.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).findFirst()
          .orElseThrow(() -> new IllegalStateException("empty stdout"));
      Matcher value = VALUE.matcher(line);
      if (!value.find()) {
        throw new IllegalStateException("no value in " + line);
      }
      String calldata = "0xa9059cbb" + "0".repeat(24) + RECIPIENT.substring(2).toLowerCase(Locale.ROOT)
          + String.format("%064x", new BigInteger(value.group(1)));
      String answer = post(anvil, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"from\":\""
          + OWNER + "\",\"to\":\"" + token + "\",\"data\":\"" + calldata + "\"},\"latest\"]}");
      if (!answer.contains("\"result\":\"0x" + "0".repeat(63) + "1\"")) {
        throw new IllegalStateException("the simulated transfer failed: " + answer);
      }
      return System.nanoTime() - start;
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  static String read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
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
    System.out.printf(Locale.ROOT, "%-48s n=%d p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", side,
        nanos.size(), percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), percentile(nanos, 100));
  }
}
