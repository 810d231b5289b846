package io.wasmhive.workflow.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one WebAssembly step of the leader's run saw of the chains.
 *
 * @param step the step's position in the job
 * @param wasmId the step's {@code wasmId}
 * @param module the SHA-256 of the module the leader ran (lower-case hex)
 * @param exchanges every request the module made and its answer, in order
 * @param dropped how many exchanges the leader could not record (past its limit), absent when none; such a
 *     recording cannot be verified
 */
@JsonPropertyOrder({"step", "wasmId", "module", "exchanges", "dropped"})
public record RecordedStep(int step, String wasmId, String module, List<RecordedExchange> exchanges,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long dropped) {

  public RecordedStep {
    exchanges = List.copyOf(exchanges);
    dropped = dropped == null || dropped == 0 ? null : dropped;
  }

  /** Whether every exchange was recorded in full. */
  public boolean complete() {
    return dropped == null && exchanges.stream().noneMatch(RecordedExchange::cut);
  }
}
