import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows accepted asynchronous requests (executions, index jobs, workflow runs) to their terminal state through the
 * services' own status endpoints. Each poll is one blocking GET; one thread polls.
 */
final class Poller {

  static final List<String> ASYNC = List.of("exec", "index", "wf-run");
  private static final Pattern ATTEMPTS = Pattern.compile("\"attempts\":(\\d+)");

  private final Platform platform;
  private final Ledger ledger;
  /** Workflow runs that were claimed more than once (their runner was killed): id to attempts. */
  final Map<String, Integer> reclaimedRuns = new ConcurrentHashMap<>();

  Poller(Platform platform, Ledger ledger) {
    this.platform = platform;
    this.ledger = ledger;
  }

  /** Polls each pending item accepted at least minAgeMillis ago, at most limit of them; returns how many remain. */
  int round(long minAgeMillis, int limit) {
    long now = System.currentTimeMillis();
    int remaining = 0;
    int polled = 0;
    for (String kind : ASYNC) {
      for (Ledger.Item item : ledger.pending(kind)) {
        remaining++;
        if (now - item.acceptedAt >= minAgeMillis && polled++ < limit) {
          poll(item);
        }
      }
    }
    return remaining;
  }

  private void poll(Ledger.Item item) {
    switch (item.kind) {
      case "exec" -> execution(item);
      case "index" -> indexJob(item);
      default -> run(item);
    }
  }

  private void execution(Ledger.Item item) {
    Http.Answer a = Http.get(platform.relay() + "/intent/execute-wasm/" + item.id);
    String status = a.status() == 200 ? a.field("status") : null;
    if ("completed".equals(status)) {
      boolean right = a.body().matches("(?s).*\"output\":" + item.expect + "[,}].*");
      item.finish(right ? Ledger.State.COMPLETED : Ledger.State.WRONG, right ? "" : a.body());
    } else if ("failed".equals(status)) {
      item.finish(Ledger.State.FAILED, String.valueOf(a.field("code")));
    } else {
      item.detail = "last answer " + a.status() + " " + status;
    }
  }

  private void indexJob(Ledger.Item item) {
    Http.Answer a = Http.get(platform.indexer() + "/index/" + item.id);
    String status = a.status() == 200 ? a.field("status") : null;
    if ("pinned".equalsIgnoreCase(status)) {
      item.finish(Ledger.State.COMPLETED, "");
    } else if ("failed".equalsIgnoreCase(status)) {
      item.finish(Ledger.State.FAILED, String.valueOf(a.field("error")));
    } else {
      item.detail = "last answer " + a.status() + " " + status;
    }
  }

  private void run(Ledger.Item item) {
    Http.Answer a = Http.get(platform.workflows() + "/runs/" + item.id);
    String status = a.status() == 200 ? a.field("status") : null;
    if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
      Matcher attempts = ATTEMPTS.matcher(a.body());
      if (attempts.find() && Integer.parseInt(attempts.group(1)) > 1) {
        reclaimedRuns.put(item.id, Integer.parseInt(attempts.group(1)));
      }
    }
    if ("SUCCEEDED".equals(status)) {
      boolean right = a.body().contains("\"output\":{\"text\":\"" + item.expect + "\"}");
      item.finish(right ? Ledger.State.COMPLETED : Ledger.State.WRONG, right ? "" : a.body());
    } else if ("FAILED".equals(status)) {
      item.finish(Ledger.State.FAILED, String.valueOf(a.field("error")));
    } else {
      item.detail = "last answer " + a.status() + " " + status;
    }
  }
}
