import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end checks: every accepted request reached exactly one terminal outcome with the right effect, and what was
 * created is still there. Counts per kind go to stdout and result.tsv; the violations to violations.txt. Blocking.
 */
final class Verdict {

  private final Platform platform;
  private final Ledger ledger;
  private final Gateway gateway;
  private final int redisPort;
  private final List<String> violations = new ArrayList<>();

  Verdict(Platform platform, Ledger ledger, Gateway gateway, int redisPort) {
    this.platform = platform;
    this.ledger = ledger;
    this.gateway = gateway;
    this.redisPort = redisPort;
  }

  /** Runs every check and writes the results; returns whether nothing was violated. */
  boolean judge(Path dir, Map<String, Integer> reclaimedRuns) throws IOException {
    Map<String, Integer> outcomes = count("wasm_exec_completed", "\"request_id\":\"([0-9a-f]+)\"", null);
    Map<String, Integer> starts = count("wasm_exec_events", "\"request_id\":\"([0-9a-f]+)\"", "execution_started");
    Map<String, Integer> finishes = count("workflow_run_events", "\"run_id\":\"([^\"]+)\"", "\"run_finished\"");
    String procedureList = procedureList();
    try (PrintWriter result = new PrintWriter(Files.newBufferedWriter(dir.resolve("result.tsv")))) {
      result.println("kind\taccepted\tcompleted\tfailed\twrong\tlost\tduplicated\tre_executed");
      System.out.println(String.format("%-12s %9s %9s %7s %6s %5s %10s %11s", "kind", "accepted", "completed",
          "failed", "wrong", "lost", "duplicated", "re-executed"));
      for (String kind : List.of("exec", "proc-create", "proc-call", "proc-drop", "index", "wf-create", "wf-run")) {
        int[] c = new int[7];
        for (Ledger.Item item : ledger.items(kind)) {
          c[0]++;
          existence(kind, item, procedureList);
          switch (item.state) {
            case COMPLETED -> c[1]++;
            case FAILED -> c[2]++;
            case WRONG -> c[3]++;
            default -> c[4]++;
          }
          if (item.state == Ledger.State.WRONG || item.state == Ledger.State.PENDING
              || item.state == Ledger.State.LOST) {
            violations.add(kind + " " + item.id + " " + item.state + " " + item.detail);
          }
          int times = switch (kind) {
            case "exec" -> outcomes.getOrDefault(item.id, 0);
            case "wf-run" -> finishes.getOrDefault(item.id, 0);
            case "proc-create" -> ledger.wasTried("proc-drop", item.id) ? 1
                : occurrences(procedureList, "\"name\":\"" + item.id + "\"");
            default -> 1;
          };
          if (times > 1) {
            c[5]++;
            violations.add(kind + " " + item.id + " has " + times + " outcomes");
          } else if (times == 0 && item.state != Ledger.State.PENDING) {
            violations.add(kind + " " + item.id + " has no outcome record");
          }
          if (kind.equals("exec") && starts.getOrDefault(item.id, 0) > 1 || reclaimedRuns.containsKey(item.id)) {
            c[6]++;
          }
        }
        result.println(kind + "\t" + c[0] + "\t" + c[1] + "\t" + c[2] + "\t" + c[3] + "\t" + c[4] + "\t" + c[5]
            + "\t" + c[6]);
        System.out.println(String.format("%-12s %9d %9d %7d %6d %5d %10d %11d", kind, c[0], c[1], c[2], c[3], c[4],
            c[5], c[6]));
      }
    }
    Files.write(dir.resolve("violations.txt"), violations);
    System.out.println(violations.size() + " violations" + (violations.isEmpty() ? "" : ", the first:"));
    violations.stream().limit(20).forEach(v -> System.out.println("  " + v));
    return violations.isEmpty();
  }

  /** What an accepted create made must still be there: procedures, workflows, indexed modules. */
  private void existence(String kind, Ledger.Item item, String procedureList) {
    switch (kind) {
      case "proc-create" -> {
        // A procedure the load tried to drop may be there or not (the drop may have gone unanswered); proc-drop
        // checks the accepted drops.
        if (!ledger.wasTried("proc-drop", item.id)
            && occurrences(procedureList, "\"name\":\"" + item.id + "\"") == 0) {
          violations.add("procedure " + item.id + " is missing from GET /procedures");
        }
      }
      case "proc-drop" -> {
        if (occurrences(procedureList, "\"name\":\"" + item.id + "\"") != 0) {
          violations.add("procedure " + item.id + " was dropped (200) but is still in GET /procedures");
        }
      }
      case "wf-create" -> {
        Http.Answer a = Http.get(platform.workflows() + "/workflows/" + item.id);
        if (a.status() != 200) {
          violations.add("workflow " + item.id + " is missing: GET answered " + a.status());
        }
      }
      case "index" -> {
        Http.Answer a = Http.get(platform.indexer() + "/modules/" + item.id);
        if (a.status() != 200 || !item.expect.equals(a.field("sha256"))) {
          violations.add("module " + item.id + " (fetched " + gateway.fetches(item.id) + "x) is missing: GET "
              + a.status());
        }
      }
      default -> {
      }
    }
  }

  /** GET /procedures, tried for up to a minute until it answers 200. */
  private String procedureList() {
    Http.Answer a = Http.get(platform.procedures() + "/procedures");
    for (int i = 0; i < 60 && a.status() != 200; i++) {
      sleep();
      a = Http.get(platform.procedures() + "/procedures");
    }
    if (a.status() != 200) {
      violations.add("GET /procedures answers " + a.status() + ": " + a.body());
    }
    return a.body();
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int occurrences(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** Counts the entries of a stream per id, among the entries containing the filter (all when null). */
  private Map<String, Integer> count(String stream, String idPattern, String filter) throws IOException {
    Process redis = new ProcessBuilder("redis-cli", "-p", Integer.toString(redisPort), "--raw", "XRANGE", stream,
        "-", "+").redirectErrorStream(true).start();
    Map<String, Integer> counts = new HashMap<>();
    Pattern id = Pattern.compile(idPattern);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(redis.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Matcher m = id.matcher(line);
        if ((filter == null || line.contains(filter)) && m.find()) {
          counts.merge(m.group(1), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
