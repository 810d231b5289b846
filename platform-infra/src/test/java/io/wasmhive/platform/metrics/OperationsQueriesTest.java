package io.wasmhive.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.testing.OperationsQueries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How metric names are read from the PromQL of ops/ (functions, labels, keywords, ranges and Grafana variables are
 * not names), and that every name there belongs to a service whose integration tests check it is exported.
 */
class OperationsQueriesTest {

  /** The prefixes the services' tests check (relay, procedure: executor; all four: Redis) and Prometheus's own. */
  private static final List<String> OWNED = List.of("relay_", "workflow_", "indexer_", "procedure_", "wasm_executor_",
      "wasmhive_redis_");

  @Test
  void namesAreWhatIsLeftOfAnExpressionAfterFunctionsLabelsAndKeywords() {
    assertThat(OperationsQueries.metricNames(
        "histogram_quantile(0.95, sum by (le, type) (rate(a_seconds_bucket{job=~\"x|y\", b=\"c(d)\"}[$__rate_interval])))"))
        .containsExactly("a_seconds_bucket");
    assertThat(OperationsQueries.metricNames(
        "sum by (job, instance) (w{state=\"busy\"}) / on (job, instance) w_max >= 0.9 and up offset 5m or vector(1e10)"))
        .containsExactly("up", "w", "w_max");
    assertThat(OperationsQueries.metricNames("sum(rate(x_total[5m])) / ignoring (outcome) group_left y_total > bool 1"))
        .containsExactly("x_total", "y_total");
  }

  @Test
  void theSampleNamesOfAScrape() {
    String scrape = """
        # HELP a_total things
        # TYPE a_total counter
        a_total{outcome="ok"} 1.0
        b_seconds_bucket{le="0.1"} 2.0
        c 3.0
        """;
    assertThat(OperationsQueries.exportedSeries(scrape)).containsExactly("a_total", "b_seconds_bucket", "c");
    assertThatThrownBy(() -> OperationsQueries.assertExported(scrape, "relay_execute_wasm_success"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("relay_execute_wasm_success_total");
  }

  @Test
  void everyQueriedMetricBelongsToAServiceThatChecksIt() {
    assertThat(OperationsQueries.expressions()).hasSizeGreaterThan(20);
    assertThat(OperationsQueries.queriedMetrics())
        .contains("up", "wasmhive_redis_up", "relay_execute_wasm_success_total", "relay_execute_wasm_duration_seconds_bucket",
            "relay_execute_wasm_gas_used_bucket", "wasm_executor_queued_tasks", "procedure_calls_total",
            "indexer_fetch_duration_seconds_count", "workflow_run_finished_total")
        .allSatisfy(name -> assertThat(name.equals("up") || OWNED.stream().anyMatch(name::startsWith))
            .as(name + " has an owner").isTrue());
  }
}
