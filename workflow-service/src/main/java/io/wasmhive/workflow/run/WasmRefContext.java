package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The SDK's {@code WasmRefContext}: {@code {"resolvedRefs":[…],"skipRemainingSteps"?}}, the leader's WebAssembly
 * results that operators reuse. {@code skipRemainingSteps} is written only when true, as the SDK does.
 */
@JsonPropertyOrder({"resolvedRefs", "skipRemainingSteps"})
public record WasmRefContext(List<ResolvedWasmRef> resolvedRefs,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean skipRemainingSteps) {

  public WasmRefContext {
    resolvedRefs = List.copyOf(resolvedRefs);
    skipRemainingSteps = Boolean.TRUE.equals(skipRemainingSteps) ? Boolean.TRUE : null;
  }

  /** Whether a module asked to skip the job's contract steps. */
  public boolean skips() {
    return Boolean.TRUE.equals(skipRemainingSteps);
  }
}
