import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-minute counters of each kind of request: sent, accepted (2xx), refused (an HTTP error status), failed (no
 * answer), wrong (an answer with the wrong effect), and the accepted requests' latency percentiles. Each minute's
 * line goes to stdout and stats.tsv. Thread-safe.
 */
final class Minutes {

  private static final class Counts {
    int sent;
    int accepted;
    int refused;
    int noAnswer;
    int wrong;
    final List<Long> micros = new ArrayList<>();
  }

  private final Map<String, Counts> current = new TreeMap<>();
  private final Map<String, Integer> refusals = new TreeMap<>();
  private final PrintWriter out;
  private int minute = 1;

  Minutes(Path dir) {
    try {
      out = new PrintWriter(Files.newBufferedWriter(dir.resolve("stats.tsv")), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("minute\tkind\tsent\taccepted\trefused\tno_answer\twrong\tp50_ms\tp99_ms");
  }

  /** Counts one answered (or unanswered) request. */
  synchronized void count(String kind, Http.Answer answer, boolean wrong) {
    Counts c = current.computeIfAbsent(kind, k -> new Counts());
    c.sent++;
    if (answer.status() < 0) {
      c.noAnswer++;
      refusals.merge(kind + " no answer", 1, Integer::sum);
    } else if (!answer.ok()) {
      c.refused++;
      refusals.merge(kind + " " + answer.status() + " " + errorCode(answer), 1, Integer::sum);
    } else {
      c.accepted++;
      c.micros.add(answer.nanos() / 1000);
    }
    if (wrong) {
      c.wrong++;
    }
  }

  /** Writes the minute that ended and starts the next; called once a minute by one thread. */
  synchronized void roll() {
    for (Map.Entry<String, Counts> e : current.entrySet()) {
      Counts c = e.getValue();
      Collections.sort(c.micros);
      String line = minute + "\t" + e.getKey() + "\t" + c.sent + "\t" + c.accepted + "\t" + c.refused + "\t"
          + c.noAnswer + "\t" + c.wrong + "\t" + pct(c.micros, 50) + "\t" + pct(c.micros, 99);
      out.println(line);
      System.out.println("minute " + line.replace('\t', ' '));
    }
    current.clear();
    minute++;
  }

  /** Every refusal and unanswered request of the run, by kind, status and error code. */
  synchronized Map<String, Integer> refusals() {
    return new TreeMap<>(refusals);
  }

  private static String errorCode(Http.Answer answer) {
    String code = answer.field("code");
    return code == null ? "" : code;
  }

  private static String pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return "-";
    }
    long v = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    return String.format("%.1f", v / 1000.0);
  }
}
