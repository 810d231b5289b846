package io.wasmhive.workflow.wasm;

import tools.jackson.databind.JsonNode;

/**
 * What one WebAssembly step produced.
 *
 * @param ok whether the guest ran to completion and its first non-empty stdout line is JSON
 * @param result that JSON value when {@code ok} (any JSON value, {@code null} node included); {@code null} otherwise
 * @param error the verdict when not {@code ok}, in the Ditto simulator's words (see {@link Verdicts}); {@code null}
 *     when {@code ok}
 * @param stderr what the guest wrote to stderr (UTF-8, at most the step's stderr ceiling), {@code ""} when nothing
 * @param durationMs wall-clock milliseconds of the execution, waiting for a worker included
 * @param gasUsed gas the guest consumed (0 when it never ran)
 */
public record StepOutcome(boolean ok, JsonNode result, String error, String stderr, long durationMs, long gasUsed) {

  static StepOutcome success(JsonNode result, String stderr, long durationMs, long gasUsed) {
    return new StepOutcome(true, result, null, stderr, durationMs, gasUsed);
  }

  static StepOutcome failure(String error, String stderr, long durationMs, long gasUsed) {
    return new StepOutcome(false, null, error, stderr, durationMs, gasUsed);
  }
}
