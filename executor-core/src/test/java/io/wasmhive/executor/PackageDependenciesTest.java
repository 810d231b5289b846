package io.wasmhive.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * executor-core's packages depend on each other without a cycle: the public package on none of the others, the
 * engine SPI on the public package only. Read from the compiled classes with the JDK's {@code jdeps}.
 */
class PackageDependenciesTest {

  private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.wasmhive\\.\\S+)\\s+->\\s+(io\\.wasmhive\\.\\S+)\\s");

  @Test
  void thePackagesFormNoCycle() throws Exception {
    Map<String, Set<String>> graph = packageGraph();
    // The graph was read: every package but the public one depends on some other.
    assertThat(graph).containsKeys("io.wasmhive.executor.engine", "io.wasmhive.executor.internal.registry",
        "io.wasmhive.executor.internal.runtime");
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void thePublicPackageNeedsNoOtherAndTheEngineSpiOnlyThePublicOne() throws Exception {
    Map<String, Set<String>> graph = packageGraph();
    assertThat(graph.getOrDefault("io.wasmhive.executor", Set.of())).isEmpty();
    assertThat(graph.get("io.wasmhive.executor.engine")).containsExactly("io.wasmhive.executor");
  }

  private static Map<String, Set<String>> packageGraph() throws Exception {
    Path classes = Path.of(WasmExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    StringWriter out = new StringWriter();
    int status = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
        "-verbose:package", "-filter:none", classes.toString());
    assertThat(status).as(out.toString()).isZero();
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return graph;
  }

  /** Every package from which a path of dependencies leads back to it. */
  private static List<String> cycles(Map<String, Set<String>> graph) {
    List<String> cyclic = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (reachable(graph, start).contains(start)) {
        cyclic.add(start);
      }
    }
    return cyclic;
  }

  private static Set<String> reachable(Map<String, Set<String>> graph, String start) {
    Set<String> seen = new TreeSet<>();
    List<String> todo = new ArrayList<>(graph.getOrDefault(start, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        todo.addAll(graph.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }
}
