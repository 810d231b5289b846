package io.wasmhive.workflow.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wasmhive.workflow.run.RunListener;
import io.wasmhive.workflow.run.RunView;
import io.wasmhive.workflow.run.StepView;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runs' meters, at {@code /actuator/prometheus} as {@code workflow_run_*}: {@code workflow_run_started_total}
 * {mode}, {@code workflow_run_finished_total} {mode, status}, {@code workflow_run_duration_seconds} {mode, status}
 * (a histogram), {@code workflow_run_step_duration_seconds} {type, status} (a histogram) and
 * {@code workflow_run_active} (runs this instance is running now). Tags take a handful of values each (mode
 * {@code leader}/{@code operator}, status {@code succeeded}/{@code failed}/{@code skipped}, type
 * {@code wasm}/{@code contract}); no workflow, job or run id is a tag. Thread-safe.
 */
final class RunMetrics implements RunListener {

  private final MeterRegistry registry;
  private final AtomicInteger active = new AtomicInteger();

  RunMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("workflow.run.active", active, AtomicInteger::get)
        .description("Runs this instance is running now")
        .register(registry);
  }

  @Override
  public void runStarted(RunView run) {
    active.incrementAndGet();
    Counter.builder("workflow.run.started")
        .description("Runs started (claimed by a runner; a run taken over again counts again)")
        .tag("mode", mode(run))
        .register(registry).increment();
  }

  @Override
  public void stepFinished(RunView run, StepView step) {
    if (step.durationMs() == null) {
      return;
    }
    Timer.builder("workflow.run.step.duration")
        .description("How long steps took")
        .tag("type", "wasm".equals(step.type()) ? "wasm" : "contract")
        .tag("status", status(step.status()))
        .publishPercentileHistogram()
        .register(registry).record(Duration.ofMillis(step.durationMs()));
  }

  @Override
  public void runFinished(RunView run) {
    active.decrementAndGet();
    String status = status(run.status().name());
    Counter.builder("workflow.run.finished")
        .description("Runs whose final state this instance wrote")
        .tag("mode", mode(run))
        .tag("status", status)
        .register(registry).increment();
    if (run.startedAt() != null && run.finishedAt() != null) {
      Timer.builder("workflow.run.duration")
          .description("How long runs took, from their start to their final state")
          .tag("mode", mode(run))
          .tag("status", status)
          .publishPercentileHistogram()
          .register(registry).record(Duration.between(run.startedAt(), run.finishedAt()));
    }
  }

  @Override
  public void runAbandoned(RunView run) {
    active.decrementAndGet();
  }

  /** {@code leader} or {@code operator}; anything else counts as {@code other}, so the tag stays bounded. */
  private static String mode(RunView run) {
    return "leader".equals(run.mode()) || "operator".equals(run.mode()) ? run.mode() : "other";
  }

  private static String status(String status) {
    String lower = status == null ? "" : status.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "succeeded", "failed", "skipped" -> lower;
      default -> "other";
    };
  }
}
