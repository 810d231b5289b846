import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's verdict and plot (scripts/soak.sh), JDK only: reads the per-minute memory samples and the load's
 * per-minute counts, prints per service RSS and heap after GC at the middle and the end with the growth over the
 * second half, the error rates of both halves, and draws the memory over time as a PNG ({@link MemoryPlot}).
 *
 * <pre>
 *   java SoakReport.java SAMPLES_TSV STATS_TSV PNG TITLE
 * </pre>
 *
 * Passes (exit 0) when every service's RSS and heap after GC grow less than 5 % over the second half (read off the
 * least-squares line through that half's samples, see {@link #growth}) and the
 * second half's error rate is no higher than the first half's (or at most 0.1 %); exit 1 otherwise.
 */
public final class SoakReport {

  static final double MAX_GROWTH_PERCENT = 5.0;

  /** One service's samples, minute by minute: RSS and heap used after a full GC, in KiB. */
  record Series(String service, List<Integer> minutes, List<Long> rss, List<Long> heap) {
  }

  public static void main(String[] args) throws IOException {
    Map<String, Series> series = samples(Path.of(args[0]));
    int last = series.values().stream().mapToInt(s -> s.minutes().getLast()).max().orElse(0);
    int middle = (last + 1) / 2;
    boolean passed = true;
    System.out.println(String.format(Locale.ROOT, "%-18s %11s %11s %8s %12s %12s %8s", "service",
        "RSS@" + middle + " MiB", "RSS@" + last + " MiB", "trend", "heap@" + middle + " MiB", "heap@" + last + " MiB",
        "trend"));
    for (Series s : series.values()) {
      double rssGrowth = growth(s.rss(), s.minutes(), middle, last);
      double heapGrowth = growth(s.heap(), s.minutes(), middle, last);
      passed &= rssGrowth < MAX_GROWTH_PERCENT && heapGrowth < MAX_GROWTH_PERCENT;
      System.out.println(String.format(Locale.ROOT, "%-18s %11.1f %11.1f %7.1f%% %12.1f %12.1f %7.1f%%", s.service(),
          mib(at(s.rss(), s.minutes(), middle)), mib(at(s.rss(), s.minutes(), last)), rssGrowth,
          mib(at(s.heap(), s.minutes(), middle)), mib(at(s.heap(), s.minutes(), last)), heapGrowth));
    }
    double[] rates = errorRates(Path.of(args[1]), middle);
    boolean errorsFlat = rates[1] <= Math.max(rates[0], 0.001);
    System.out.println(String.format(Locale.ROOT, "error rate (refused, unanswered or wrong / sent): minutes 1-%d "
        + "%.3f%%, minutes %d-%d %.3f%%", middle, rates[0] * 100, middle + 1, last, rates[1] * 100));
    MemoryPlot.draw(new ArrayList<>(series.values()), Path.of(args[2]), args.length > 3 ? args[3] : "soak");
    System.out.println("plot: " + args[2]);
    passed &= errorsFlat;
    System.out.println(passed ? "soak PASSED (growth < 5 % over the second half, error rate not climbing)"
        : "soak FAILED");
    System.exit(passed ? 0 : 1);
  }

  private static Map<String, Series> samples(Path file) throws IOException {
    Map<String, Series> series = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split("\t");
      if (f[0].equals("minute")) {
        continue;
      }
      Series s = series.computeIfAbsent(f[1], n -> new Series(n, new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>()));
      s.minutes().add(Integer.parseInt(f[0]));
      s.rss().add(Long.parseLong(f[2]));
      s.heap().add(Long.parseLong(f[3]));
    }
    return series;
  }

  /** The value at a minute, or at the first sample after it. */
  private static long at(List<Long> values, List<Integer> minutes, int minute) {
    for (int i = 0; i < minutes.size(); i++) {
      if (minutes.get(i) >= minute) {
        return values.get(i);
      }
    }
    return values.getLast();
  }

  /**
   * The growth over minutes from..to in percent of the value at from, both read off the least-squares line through
   * the samples of those minutes: a single heap sample moves by several percent from one minute to the next (what
   * a full GC leaves depends on what was in flight), a trend does not.
   */
  static double growth(List<Long> values, List<Integer> minutes, int from, int to) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < minutes.size(); i++) {
      int m = minutes.get(i);
      if (m >= from && m <= to) {
        n++;
        sx += m;
        sy += values.get(i);
        sxx += (double) m * m;
        sxy += (double) m * values.get(i);
      }
    }
    if (n < 2) {
      return 0;
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double atFrom = (sy - slope * sx) / n + slope * from;
    return atFrom <= 0 ? 0 : 100.0 * slope * (to - from) / atFrom;
  }

  private static double mib(long kib) {
    return kib / 1024.0;
  }

  /** The error rate of minutes 1..middle and of the minutes after. */
  private static double[] errorRates(Path stats, int middle) throws IOException {
    long[] sent = new long[2];
    long[] errors = new long[2];
    for (String line : Files.readAllLines(stats)) {
      String[] f = line.split("\t");
      if (f[0].equals("minute")) {
        continue;
      }
      int half = Integer.parseInt(f[0]) <= middle ? 0 : 1;
      sent[half] += Long.parseLong(f[2]);
      errors[half] += Long.parseLong(f[4]) + Long.parseLong(f[5]) + Long.parseLong(f[6]);
    }
    return new double[] {rate(errors[0], sent[0]), rate(errors[1], sent[1])};
  }

  private static double rate(long errors, long sent) {
    return sent == 0 ? 0 : (double) errors / sent;
  }
}
