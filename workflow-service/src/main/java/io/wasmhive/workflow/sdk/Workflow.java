package io.wasmhive.workflow.sdk;

import java.util.List;
import java.util.Objects;

/**
 * The SDK's {@code workflow} object. Optional members are {@code null} when absent (the SDK omits them, never
 * writes {@code null}).
 *
 * @param owner the owner's address, {@code 0x} and 40 hex digits, case as sent
 * @param triggers what starts it, possibly none
 * @param jobs one per chain
 * @param count how many times it may run, or {@code null}
 * @param validAfter Unix seconds, or {@code null}
 * @param validUntil Unix seconds, or {@code null}
 * @param interval minimum seconds between runs, or {@code null}
 */
public record Workflow(String owner, List<Trigger> triggers, List<Job> jobs, Long count, Long validAfter,
    Long validUntil, Long interval) {

  public Workflow {
    Objects.requireNonNull(owner, "owner");
    triggers = List.copyOf(triggers);
    jobs = List.copyOf(jobs);
  }

  /** The job with this id, or {@code null}. */
  public Job job(String id) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElse(null);
  }
}
