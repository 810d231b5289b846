package io.wasmhive.workflow.run;

import io.wasmhive.workflow.modules.StepModules;
import io.wasmhive.workflow.sdk.Job;
import io.wasmhive.workflow.sdk.Step;
import io.wasmhive.workflow.verify.Divergence;
import io.wasmhive.workflow.verify.JsonDifference;
import io.wasmhive.workflow.verify.RecordedStep;
import io.wasmhive.workflow.verify.RecordingChecks;
import io.wasmhive.workflow.verify.RpcRecording;
import io.wasmhive.workflow.verify.StepVerifier;
import io.wasmhive.workflow.verify.Verification;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One verifying run's checks, step by step: the recording as a whole first, then each WebAssembly step re-executed
 * against it and compared with the leader's context; the first failed check ends the run. Not thread-safe (one run
 * on one thread).
 */
final class VerifyingRun {

  private final RpcRecording recording;
  private final StepVerifier verifier;
  private final StepModules modules;
  private final String hash;
  private int matched;

  VerifyingRun(RpcRecording recording, StepVerifier verifier, StepModules modules) {
    this.recording = recording;
    this.verifier = verifier;
    this.modules = modules;
    this.hash = recording.computeHash();
  }

  /** What ends the run before any step (tampered, foreign or incomplete recording), or {@code null}. */
  Verification before(String workflowId, Job job, DataRefContext leaderData) {
    Map<String, String> blocks = leaderData == null || leaderData.chainBlocks() == null
        ? Map.of() : leaderData.chainBlocks();
    return RecordingChecks.check(recording, workflowId, job.id(), blocks);
  }

  /** A step's check: matched ({@code outcome} set, {@code verification} null) or the run's end. */
  record StepCheck(Verification verification, io.wasmhive.workflow.wasm.StepOutcome outcome, String module) {
  }

  /** Re-executes step {@code index} and compares it with the leader's {@code given} entry. Blocks. */
  StepCheck step(int index, Step step, ResolvedWasmRef given, JsonNode input, Duration timeout) {
    RecordedStep recorded = recording.step(index);
    if (recorded == null || !step.wasmId().equals(recorded.wasmId())) {
      return end(Verification.refused(hash, "the recording has no step " + index + " (" + step.wasmId() + ")"));
    }
    if (!step.wasmHash().equals(given.ref().wasmHash())) {
      return end(diverged(index, step, "ref.wasmHash", text(given.ref().wasmHash()), text(step.wasmHash())));
    }
    JsonDifference.At inputs = JsonDifference.first("ref.input", given.ref().input(), input);
    if (inputs != null) {
      return end(diverged(index, step, inputs.path(), inputs.expected(), inputs.got()));
    }
    Optional<String> sha256 = modules.sha256(step.wasmHash());
    if (sha256.isEmpty()) {
      return end(Verification.refused(hash, StepModules.notFoundMessage(step.wasmHash())));
    }
    if (!sha256.get().equals(recorded.module())) {
      return end(Verification.refused(hash, "the module of step " + index + " (" + step.wasmId()
          + ") no longer matches its wasmHash: the leader ran " + recorded.module() + ", " + step.wasmHash()
          + " names " + sha256.get() + " now"));
    }
    StepVerifier.Check check = verifier.verify(recording, recorded, sha256.get(), input, timeout, given.result());
    if (check.divergence() != null) {
      return new StepCheck(Verification.diverged(hash, matched, check.divergence()), check.outcome(), sha256.get());
    }
    matched++;
    return new StepCheck(null, check.outcome(), sha256.get());
  }

  /** The verification after every WebAssembly step matched; the context's skip flag must be what the results say. */
  Verification after(boolean contextSkips, boolean resultsSkip) {
    if (contextSkips != resultsSkip) {
      return Verification.diverged(hash, matched, new Divergence(null, null, "wasmRefContext.skipRemainingSteps",
          JsonNodeFactory.instance.booleanNode(contextSkips), JsonNodeFactory.instance.booleanNode(resultsSkip)));
    }
    return Verification.verified(hash, matched);
  }

  private Verification diverged(int index, Step step, String field, JsonNode expected, JsonNode got) {
    return Verification.diverged(hash, matched, new Divergence(index, step.wasmId(), field, expected, got));
  }

  private static StepCheck end(Verification verification) {
    return new StepCheck(verification, null, null);
  }

  private static JsonNode text(String value) {
    return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.stringNode(value);
  }
}
