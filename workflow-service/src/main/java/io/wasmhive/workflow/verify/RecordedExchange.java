package io.wasmhive.workflow.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One JSON-RPC request a module made and the answer it got, as the leader recorded it.
 *
 * @param chainId the chain the request was for
 * @param request the request text exactly as the module sent it
 * @param response the response text exactly as the module received it
 * @param truncated {@code true} when the leader's recording limit cut either text (such a recording cannot be
 *     verified); absent otherwise
 */
@JsonPropertyOrder({"chainId", "request", "response", "truncated"})
public record RecordedExchange(long chainId, String request, String response,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean truncated) {

  public RecordedExchange {
    truncated = Boolean.TRUE.equals(truncated) ? Boolean.TRUE : null;
  }

  /** Whether the leader's recording limit cut either text. */
  public boolean cut() {
    return truncated != null;
  }
}
