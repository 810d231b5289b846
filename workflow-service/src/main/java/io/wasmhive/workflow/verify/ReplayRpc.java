package io.wasmhive.workflow.verify;

import io.wasmhive.executor.RpcHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Answers a re-executed module's JSON-RPC requests from the leader's recording only, in order: the n-th request must
 * be the n-th recorded one, character for character, and gets its recorded answer. The first request that differs
 * or goes past the recording is remembered as the step's divergence and answered with a JSON-RPC error, so the
 * module ends as it would with a refused call; nothing reaches a network. One instance per step; thread-safe.
 */
public final class ReplayRpc implements RpcHandler {

  private final List<RecordedExchange> recorded;
  private int next;
  private Mismatch mismatch;

  public ReplayRpc(List<RecordedExchange> recorded) {
    this.recorded = List.copyOf(recorded);
  }

  /** Where a request left the recording: the exchange's index and the texts compared. */
  public record Mismatch(int index, String expected, String got) {
  }

  @Override
  public synchronized byte[] handle(byte[] request, Duration timeout) {
    String got = new String(request, StandardCharsets.UTF_8);
    int index = next++;
    if (mismatch == null && index < recorded.size() && recorded.get(index).request().equals(got)) {
      return recorded.get(index).response().getBytes(StandardCharsets.UTF_8);
    }
    if (mismatch == null) {
      mismatch = new Mismatch(index, index < recorded.size() ? recorded.get(index).request() : null, got);
    }
    return ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Server error\","
        + "\"data\":\"request " + index + " is not in the leader's recording\"}}").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The first request that left the recording, or, when every request matched but fewer were made than recorded,
   * the first recorded request never made ({@code got} null); {@code null} when the module made exactly the
   * recorded requests.
   */
  public synchronized Mismatch mismatch() {
    if (mismatch != null) {
      return mismatch;
    }
    return next < recorded.size() ? new Mismatch(next, recorded.get(next).request(), null) : null;
  }
}
