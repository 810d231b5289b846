package io.wasmhive.workflow.sdk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a submitted workflow may cost, under {@code workflow.limits}: checked before anything is built from it. The
 * defaults live in the annotations below and nowhere else. A real SDK workflow (a few jobs of a few steps, sessions
 * of 9–11 KB each) stays far below them.
 *
 * @param maxBodyBytes the largest body, in bytes; one more is refused before it is parsed
 * @param maxDepth how deeply JSON objects and arrays may nest in the body (the wrapper and a step take 6 levels,
 *     so {@code wasmInput} and trigger params get the rest)
 * @param maxTriggers triggers per workflow
 * @param maxJobs jobs per workflow
 * @param maxSteps steps per job
 * @param maxArgs arguments per step
 */
@ConfigurationProperties("workflow.limits")
public record WorkflowLimits(
    @DefaultValue("1048576") int maxBodyBytes,
    @DefaultValue("32") int maxDepth,
    @DefaultValue("16") int maxTriggers,
    @DefaultValue("32") int maxJobs,
    @DefaultValue("64") int maxSteps,
    @DefaultValue("64") int maxArgs) {

  public WorkflowLimits {
    positive(maxBodyBytes, "max-body-bytes");
    if (maxDepth < 8) {
      throw new IllegalArgumentException("workflow.limits.max-depth must be at least 8, was " + maxDepth);
    }
    positive(maxTriggers, "max-triggers");
    positive(maxJobs, "max-jobs");
    positive(maxSteps, "max-steps");
    positive(maxArgs, "max-args");
  }

  /** The defaults, for code that runs without Spring (tests). */
  public static WorkflowLimits defaults() {
    return new WorkflowLimits(1_048_576, 32, 16, 32, 64, 64);
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException("workflow.limits." + name + " must be at least 1, was " + value);
    }
  }
}
