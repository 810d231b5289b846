package io.wasmhive.workflow.run;

import io.wasmhive.workflow.chain.ChainSession;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import io.wasmhive.workflow.chain.RpcExchange;
import io.wasmhive.workflow.contract.ContractSimulator;
import io.wasmhive.workflow.modules.StepModules;
import io.wasmhive.workflow.sdk.Job;
import io.wasmhive.workflow.sdk.Step;
import io.wasmhive.workflow.sdk.StepType;
import io.wasmhive.workflow.sdk.Workflow;
import io.wasmhive.workflow.wasm.StepOutcome;
import io.wasmhive.workflow.wasm.WasmStepRunner;
import io.wasmhive.workflow.verify.RecordedExchange;
import io.wasmhive.workflow.verify.RecordedStep;
import io.wasmhive.workflow.verify.RpcRecording;
import io.wasmhive.workflow.verify.Seeds;
import io.wasmhive.workflow.verify.StepVerifier;
import io.wasmhive.workflow.verify.Verification;
import io.wasmhive.workflow.whitelist.WasmWhitelist;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs one job as the leader does (seed 000, the SDK's executor): every WebAssembly step first, in order, each
 * module's JSON result recorded under its {@code wasmId} (skipped when the owner is not whitelisted); then, unless a
 * result asked to {@code skipRemainingSteps}, every contract step in order with its {@code $wasm:} and then
 * {@code $ref:} references resolved, simulated with {@code eth_call} at the run's pinned block from the workflow's
 * owner (or, in a run with {@code "execute":true}, sent as transactions: {@link ContractSteps}). As an operator it runs no WebAssembly and reads no {@code $ref:}: both come from the leader's contexts, and
 * the session starts pinned at the leader's blocks. All chain reads of a run — the modules', the references' and the
 * simulations' — go through one {@link ChainSession}, so each chain is read at one block. The first failing step
 * ends the run; the steps after it are skipped. Thread-safe; blocks while the job runs.
 */
final class JobRunner {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The mode of a run that reuses a leader's contexts. */
  static final String OPERATOR = "operator";

  /** The mode of a run that re-executes the leader's WebAssembly steps against its recording and then reuses them. */
  static final String VERIFY = "verify";

  /** Why a non-whitelisted owner's WebAssembly step was skipped. */
  static final String NOT_WHITELISTED_REASON = "owner not whitelisted for WASM execution";

  private final StepModules modules;
  private final WasmStepRunner wasm;
  private final ReadOnlyRpc chains;
  private final ContractSimulator contracts;
  private final ContractSteps contractSteps;
  private final JsonMapper json;
  private final Clock clock;
  private final WasmWhitelist whitelist;
  private final StepVerifier verifier;

  JobRunner(StepModules modules, WasmStepRunner wasm, ReadOnlyRpc chains, ContractSimulator contracts, JsonMapper json,
      Clock clock, WasmWhitelist whitelist, ContractSteps contractSteps) {
    this.whitelist = whitelist;
    this.contractSteps = contractSteps;
    this.verifier = new StepVerifier(wasm);
    this.modules = modules;
    this.wasm = wasm;
    this.chains = chains;
    this.contracts = contracts;
    this.json = json;
    this.clock = clock;
  }

  /** The steps of a job before it runs. */
  static List<StepView> pendingSteps(Job job) {
    List<StepView> steps = new ArrayList<>();
    for (int i = 0; i < job.steps().size(); i++) {
      Step step = job.steps().get(i);
      steps.add(StepView.pending(i, wire(step.type()), step.type() == StepType.WASM ? step.wasmId() : null));
    }
    return steps;
  }

  /**
   * Runs the job and answers the finished run. {@code progress} receives the run after each step (to be stored).
   * A leader ({@code start.mode()} {@code leader}) runs the WebAssembly steps (unless the owner is not whitelisted),
   * each on a deterministic clock and randomness seeded by the run id and the step, records what they read of the
   * chains and reads the {@code $ref:}s; an operator takes both from the leader's contexts in {@code start} and reads
   * the chain only for its contract simulations, at the leader's blocks; a verifier does what an operator does after
   * re-executing every WebAssembly step against the leader's recording and finding the leader's results.
   * {@code steps} hears when each step starts and finishes.
   */
  RunView run(RunView start, Workflow workflow, Job job, Consumer<RunView> progress, RunListener steps) {
    boolean leader = !OPERATOR.equals(start.mode()) && !VERIFY.equals(start.mode());
    RunProgress run = new RunProgress(start, pendingSteps(job), progress, clock, steps);
    DataRefContext leaderData = start.dataRefContext() == null ? new DataRefContext(null, null)
        : start.dataRefContext();
    ChainSession session = leader
        ? chains.openSession(job.chainId()) : chains.openSession(job.chainId(), leaderData.pins(), chains.limits());
    WasmRefResolver refs = new WasmRefResolver();
    DataRefResolver dataRefs = leader
        ? DataRefResolver.reading(session, chains, contracts) : DataRefResolver.replaying(leaderData);
    VerifyingRun verifying = VERIFY.equals(start.mode())
        ? new VerifyingRun(start.rpcRecording(), verifier, modules) : null;
    List<ResolvedWasmRef> resolved = new ArrayList<>();
    List<RecordedStep> recorded = new ArrayList<>();
    if (verifying != null) {
      Verification refused = verifying.before(start.workflowId(), job, start.dataRefContext());
      if (refused != null) {
        run.verification(refused);
        return run.failed(refused.error(), session, new WasmRefContext(resolved, null), dataContext(session, dataRefs));
      }
    }
    boolean skip = false;
    boolean whitelisted = !leader || !hasWasmSteps(job) || whitelist.allows(workflow.owner());
    for (int i = 0; i < job.steps().size(); i++) {
      Step step = job.steps().get(i);
      if (step.type() != StepType.WASM) {
        continue;
      }
      if (!whitelisted) {
        run.set(i, run.step(i).skipped(NOT_WHITELISTED_REASON));
        continue;
      }
      run.started(i);
      Optional<String> failure = leader
          ? wasmStep(run, i, step, session, refs, resolved, recorded, start.id())
          : reusedWasmStep(run, i, step, start.wasmRefContext(), refs, resolved, verifying);
      if (failure.isPresent()) {
        return run.failed(failure.get(), session, new WasmRefContext(resolved, null), dataContext(session, dataRefs));
      }
      JsonNode result = resolved.get(resolved.size() - 1).result();
      if (result.isObject() && result.path("skipRemainingSteps").isBoolean()
          && result.get("skipRemainingSteps").booleanValue()) {
        skip = true;
      }
    }
    if (!whitelisted) {
      refs.ownerNotWhitelisted();
    }
    if (leader && whitelisted && hasWasmSteps(job)) {
      run.recording(RpcRecording.of(start.id(), start.workflowId(), start.jobId(), RunProgress.blocks(session),
          recorded));
    }
    boolean contextSkips = !leader && start.wasmRefContext() != null && start.wasmRefContext().skips();
    if (verifying != null) {
      Verification verification = verifying.after(contextSkips, skip);
      run.verification(verification);
      if (!verification.isVerified()) {
        return run.failed(verification.error(), session, new WasmRefContext(resolved, contextSkips),
            dataContext(session, dataRefs));
      }
    }
    skip = skip || contextSkips;
    WasmRefContext context = new WasmRefContext(resolved, skip);
    if (skip) {
      for (int i = 0; i < job.steps().size(); i++) {
        if (job.steps().get(i).type() == StepType.CONTRACT) {
          run.set(i, run.step(i).skipped());
        }
      }
      return run.finished(RunStatus.SUCCEEDED, null, true, session, context, dataContext(session, dataRefs));
    }
    for (int i = 0; i < job.steps().size(); i++) {
      Step step = job.steps().get(i);
      if (step.type() != StepType.CONTRACT) {
        continue;
      }
      run.started(i);
      ContractSteps.Outcome outcome = contractSteps.run(start.id(), start.executes(), i, step, workflow.owner(),
          job.chainId(), session, refs, dataRefs);
      run.set(i, outcome.view());
      if (outcome.error() != null) {
        return run.failed(outcome.error(), session, context, dataContext(session, dataRefs));
      }
    }
    return run.finished(RunStatus.SUCCEEDED, null, null, session, context, dataContext(session, dataRefs));
  }

  private static boolean hasWasmSteps(Job job) {
    return job.steps().stream().anyMatch(s -> s.type() == StepType.WASM);
  }

  /** The run's DataRefContext: every chain's pinned block and the references resolved. */
  private static DataRefContext dataContext(ChainSession session, DataRefResolver dataRefs) {
    return new DataRefContext(RunProgress.blocks(session), dataRefs.resolved());
  }

  /**
   * An operator's WebAssembly step: the leader's result for its id, nothing run; a verifier's: the same after
   * re-executing the step against the leader's recording ({@code verifying} not null). Answers the run's error.
   */
  private Optional<String> reusedWasmStep(RunProgress run, int index, Step step, WasmRefContext leader,
      WasmRefResolver refs, List<ResolvedWasmRef> resolved, VerifyingRun verifying) {
    List<ResolvedWasmRef> given = leader == null ? List.of() : leader.resolvedRefs();
    Optional<ResolvedWasmRef> found = given.stream().filter(r -> step.wasmId().equals(r.ref().id())).findFirst();
    if (found.isEmpty()) {
      String error = "WASM reference " + step.wasmId() + " not found in provided context from leader. Available: ["
          + String.join(", ", given.stream().map(r -> r.ref().id()).toList()) + "]";
      run.set(index, new StepView(index, "wasm", step.wasmId(), null, "failed", inputOf(step), null, error, null,
          null, null, null, null, null));
      return Optional.of(error);
    }
    if (verifying != null) {
      Optional<String> diverged = verifiedStep(run, index, step, found.get(), verifying);
      if (diverged.isPresent()) {
        return diverged;
      }
    } else {
      run.set(index, new StepView(index, "wasm", step.wasmId(), null, "succeeded", inputOf(step),
          found.get().result(), null, null, null, null, null, null, "reused the leader's result"));
    }
    refs.put(step.wasmId(), found.get().result());
    resolved.add(found.get());
    return Optional.empty();
  }

  /** Re-executes a step against the leader's recording; answers the run's error when it did not match. */
  private Optional<String> verifiedStep(RunProgress run, int index, Step step, ResolvedWasmRef given,
      VerifyingRun verifying) {
    JsonNode input = inputOf(step);
    VerifyingRun.StepCheck check = verifying.step(index, step, given, input, timeoutOf(step));
    StepOutcome outcome = check.outcome();
    if (check.verification() != null) {
      run.verification(check.verification());
      String error = check.verification().error();
      run.set(index, new StepView(index, "wasm", step.wasmId(), check.module(), "failed", input, null, error,
          outcome == null ? null : outcome.stderr(), outcome == null ? null : outcome.gasUsed(),
          outcome == null ? null : outcome.durationMs(), null, null, null));
      return Optional.of(error);
    }
    run.set(index, new StepView(index, "wasm", step.wasmId(), check.module(), "succeeded", input, given.result(),
        null, outcome.stderr(), outcome.gasUsed(), outcome.durationMs(), null, null,
        "re-executed against the leader's recording: the leader's result"));
    return Optional.empty();
  }

  private static Duration timeoutOf(Step step) {
    return step.wasmTimeoutMs() == null || step.wasmTimeoutMs() <= 0 ? null : Duration.ofMillis(step.wasmTimeoutMs());
  }

  /** Runs a WebAssembly step; answers the run's error when it failed. */
  private Optional<String> wasmStep(RunProgress run, int index, Step step, ChainSession session, WasmRefResolver refs,
      List<ResolvedWasmRef> resolved, List<RecordedStep> recorded, String runId) {
    JsonNode input = inputOf(step);
    Optional<String> sha256 = modules.sha256(step.wasmHash());
    if (sha256.isEmpty()) {
      modules.requestIndexing(step.wasmHash());
      String error = StepModules.notFoundMessage(step.wasmHash());
      run.set(index, new StepView(index, "wasm", step.wasmId(), null, "failed", input, null, error, null, null, null,
          null, null, null));
      return Optional.of(error);
    }
    int before = session.exchangeCount();
    long droppedBefore = session.droppedExchanges();
    StepOutcome outcome = wasm.runDeterministic(sha256.get(), input, timeoutOf(step), session, Seeds.of(runId, index));
    List<RpcExchange> exchanges = session.exchangesFrom(before);
    List<JsonNode> rpc = ContractSteps.views(json, exchanges);
    recorded.add(new RecordedStep(index, step.wasmId(), sha256.get(), exchanges.stream().map(e ->
        new RecordedExchange(e.chainId(), e.request(), e.response(), e.truncated())).toList(),
        session.droppedExchanges() - droppedBefore));
    if (!outcome.ok()) {
      String error = "WASM execution failed for step " + step.wasmId() + ": WASM execution failed: " + outcome.error();
      run.set(index, new StepView(index, "wasm", step.wasmId(), sha256.get(), "failed", input, null, error,
          outcome.stderr(), outcome.gasUsed(), outcome.durationMs(), null, rpc, null));
      return Optional.of(error);
    }
    refs.put(step.wasmId(), outcome.result());
    resolved.add(new ResolvedWasmRef(new WasmRef(step.wasmHash(), input, step.wasmId(), step.wasmTimeoutMs()),
        outcome.result(), outcome.durationMs()));
    run.set(index, new StepView(index, "wasm", step.wasmId(), sha256.get(), "succeeded", input, outcome.result(), null,
        outcome.stderr(), outcome.gasUsed(), outcome.durationMs(), null, rpc, null));
    return Optional.empty();
  }

  /** The module's stdin JSON: the SDK sends {@code wasmInput || {}}, so a falsy input becomes {@code {}}. */
  static JsonNode inputOf(Step step) {
    JsonNode input = step.wasmInput();
    if (input == null || input.isNull() || input.isMissingNode()
        || (input.isBoolean() && !input.booleanValue())
        || (input.isNumber() && input.asDouble() == 0)
        || (input.isString() && input.stringValue().isEmpty())) {
      return NODES.objectNode();
    }
    return input;
  }

  /** The call's value in wei: a decimal string, or a {@code $wasm:} or {@code $ref:} reference to an integer. */
  static BigInteger value(String text, WasmRefResolver refs, DataRefResolver dataRefs) {
    if (WasmRefResolver.isReference(text) || DataRef.isReference(text)) {
      JsonNode resolved = dataRefs.resolve(refs.resolve(NODES.stringNode(text)));
      if (resolved.isIntegralNumber()) {
        return nonNegative(resolved.bigIntegerValue(), text);
      }
      if (resolved.isString() && resolved.stringValue().matches("[0-9]{1,78}")) {
        return nonNegative(new BigInteger(resolved.stringValue()), text);
      }
      throw new IllegalArgumentException("value " + text + " must resolve to an integer or a decimal string, got "
          + resolved);
    }
    if (text.isEmpty()) {
      return BigInteger.ZERO;
    }
    if (!text.matches("[0-9]{1,78}")) {
      throw new IllegalArgumentException("value must be a decimal string, got " + text);
    }
    return new BigInteger(text);
  }

  private static BigInteger nonNegative(BigInteger value, String text) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("value " + text + " resolved to " + value + ", not a uint256");
    }
    return value;
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  static String wire(StepType type) {
    return type == StepType.WASM ? "wasm" : "contract";
  }
}
