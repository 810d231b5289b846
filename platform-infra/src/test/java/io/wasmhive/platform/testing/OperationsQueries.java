package io.wasmhive.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL the operations files query (the alert rules in {@code ops/prometheus/alerts.yml}, the panels of
 * {@code ops/grafana/dashboards/wasmhive.json}) and the metric names in it, so each service's integration tests can
 * check that what they query is exported: {@link #assertExported} against a scrape of {@code /actuator/prometheus}.
 * Names are compared with the scrape's sample names, so {@code _bucket}, {@code _count} and {@code _sum} series
 * must be there as queried. Not thread-safe (reads files).
 */
public final class OperationsQueries {

  /** What precedes {@code name} must not be part of a word (a duration's unit, {@code 1e10}'s exponent). */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
      "ignoring", "group_left", "group_right", "inf", "nan", "atan2");
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  private OperationsQueries() {
  }

  /** The repository's {@code ops} folder, found from the working directory (a module's or the root). */
  public static Path opsDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("ops/prometheus/alerts.yml"))) {
        return dir.resolve("ops");
      }
    }
    throw new IllegalStateException("no ops/prometheus/alerts.yml above " + Path.of("").toAbsolutePath());
  }

  /** Every {@code expr} of the alert rules and of the dashboard's panels' targets. */
  public static List<String> expressions() {
    List<String> expressions = new ArrayList<>();
    Map<String, Object> rules = new Yaml().load(read(opsDir().resolve("prometheus/alerts.yml")));
    for (Object group : (List<?>) rules.get("groups")) {
      for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
        expressions.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
      }
    }
    JsonNode dashboard = JsonMapper.builder().build().readTree(read(opsDir().resolve("grafana/dashboards/wasmhive.json")));
    dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asString()));
    return expressions;
  }

  /** The metric names one PromQL expression selects (no functions, labels, keywords or Grafana variables). */
  public static Set<String> metricNames(String expr) {
    String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
        .replaceAll("\\$\\{?\\w+}?", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String rest = bare.substring(m.end()).stripLeading();
      if (!rest.startsWith("(") && !KEYWORDS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  /** Every metric name the operations files query. */
  public static Set<String> queriedMetrics() {
    return expressions().stream().flatMap(e -> metricNames(e).stream()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The sample names of a Prometheus text scrape. */
  public static Set<String> exportedSeries(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape.lines().map(SAMPLE::matcher).filter(Matcher::find).forEach(m -> names.add(m.group(1)));
    return names;
  }

  /**
   * Asserts that every queried metric starting with one of {@code prefixes} is in {@code scrape}, and that there
   * is at least one such metric (a prefix nothing queries is a mistake of the caller).
   */
  public static void assertExported(String scrape, String... prefixes) {
    Set<String> wanted = queriedMetrics().stream().filter(name -> startsWithAny(name, prefixes))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(wanted).as("metrics the ops files query with prefixes %s", List.of(prefixes)).isNotEmpty();
    assertThat(exportedSeries(scrape)).as("series of the scrape").containsAll(wanted);
  }

  private static boolean startsWithAny(String name, String... prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
