package io.wasmhive.workflow.verify;

import io.wasmhive.workflow.wasm.StepOutcome;
import io.wasmhive.workflow.wasm.WasmStepRunner;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Re-executes one WebAssembly step of a leader's run as the leader ran it — the same module, input and seed, on the
 * deterministic clock and randomness — answering its JSON-RPC requests from the recording only, and compares: the
 * requests it makes with the recorded ones, then its result with the leader's. Blocks while the module runs;
 * thread-safe.
 */
public final class StepVerifier {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final WasmStepRunner wasm;

  public StepVerifier(WasmStepRunner wasm) {
    this.wasm = wasm;
  }

  /**
   * What re-executing the step showed.
   *
   * @param divergence the first difference, or {@code null} when the step matched
   * @param outcome the re-execution
   */
  public record Check(Divergence divergence, StepOutcome outcome) {
  }

  /**
   * Re-executes step {@code index} ({@code wasmId}) of the recording's run on the module {@code sha256} with
   * {@code input} and compares with {@code leaderResult}.
   */
  public Check verify(RpcRecording recording, RecordedStep recorded, String sha256, JsonNode input,
      Duration timeout, JsonNode leaderResult) {
    ReplayRpc replay = new ReplayRpc(recorded.exchanges());
    StepOutcome outcome = wasm.runDeterministic(sha256, input, timeout, replay,
        Seeds.of(recording.runId(), recorded.step()));
    ReplayRpc.Mismatch mismatch = replay.mismatch();
    if (mismatch != null) {
      String field = "rpc[" + mismatch.index() + "].request";
      return new Check(divergence(recorded, field, text(mismatch.expected()), text(mismatch.got())), outcome);
    }
    if (!outcome.ok()) {
      return new Check(divergence(recorded, "result", leaderResult, NODES.stringNode(outcome.error())), outcome);
    }
    JsonDifference.At at = JsonDifference.first("result", leaderResult, outcome.result());
    return new Check(at == null ? null : divergence(recorded, at.path(), at.expected(), at.got()), outcome);
  }

  private static Divergence divergence(RecordedStep step, String field, JsonNode expected, JsonNode got) {
    return new Divergence(step.step(), step.wasmId(), field, expected, got);
  }

  private static JsonNode text(String value) {
    return value == null ? NODES.nullNode() : NODES.stringNode(value);
  }
}
