package io.wasmhive.workflow.run;

import io.wasmhive.workflow.abi.FunctionSignature;
import io.wasmhive.workflow.chain.ChainSession;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import io.wasmhive.workflow.contract.ContractCall;
import io.wasmhive.workflow.contract.ContractSimulator;
import io.wasmhive.workflow.contract.SimulationResult;
import io.wasmhive.workflow.modules.StepModules;
import io.wasmhive.workflow.sdk.Job;
import io.wasmhive.workflow.sdk.Step;
import io.wasmhive.workflow.sdk.StepType;
import io.wasmhive.workflow.sdk.Workflow;
import io.wasmhive.workflow.wasm.StepOutcome;
import io.wasmhive.workflow.wasm.WasmStepRunner;
import io.wasmhive.workflow.whitelist.WasmWhitelist;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs one job as the leader does (seed 000, the SDK's executor): every WebAssembly step first, in order, each
 * module's JSON result recorded under its {@code wasmId} (skipped when the owner is not whitelisted); then, unless a
 * result asked to {@code skipRemainingSteps}, every contract step in order with its {@code $wasm:} and then
 * {@code $ref:} references resolved, simulated with {@code eth_call} at the run's pinned block from the workflow's
 * owner. As an operator it runs no WebAssembly and reads no {@code $ref:}: both come from the leader's contexts, and
 * the session starts pinned at the leader's blocks. All chain reads of a run — the modules', the references' and the
 * simulations' — go through one {@link ChainSession}, so each chain is read at one block. The first failing step
 * ends the run; the steps after it are skipped. Thread-safe; blocks while the job runs.
 */
final class JobRunner {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The mode of a run that reuses a leader's contexts. */
  static final String OPERATOR = "operator";

  /** Why a non-whitelisted owner's WebAssembly step was skipped. */
  static final String NOT_WHITELISTED_REASON = "owner not whitelisted for WASM execution";

  private final StepModules modules;
  private final WasmStepRunner wasm;
  private final ReadOnlyRpc chains;
  private final ContractSimulator contracts;
  private final JsonMapper json;
  private final Clock clock;
  private final WasmWhitelist whitelist;

  JobRunner(StepModules modules, WasmStepRunner wasm, ReadOnlyRpc chains, ContractSimulator contracts, JsonMapper json,
      Clock clock, WasmWhitelist whitelist) {
    this.whitelist = whitelist;
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
   * A leader ({@code start.mode()} {@code leader}) runs the WebAssembly steps (unless the owner is not whitelisted)
   * and reads the {@code $ref:}s; an operator takes both from the leader's contexts in {@code start} and reads the
   * chain only for its contract simulations, at the leader's blocks.
   */
  RunView run(RunView start, Workflow workflow, Job job, Consumer<RunView> progress) {
    return run(start, workflow, job, progress, RunListener.NONE);
  }

  /** {@link #run(RunView, Workflow, Job, Consumer)}, telling {@code steps} when each step starts and finishes. */
  RunView run(RunView start, Workflow workflow, Job job, Consumer<RunView> progress, RunListener steps) {
    boolean operator = OPERATOR.equals(start.mode());
    Progress run = new Progress(start, pendingSteps(job), progress, steps);
    DataRefContext leaderData = start.dataRefContext() == null ? new DataRefContext(null, null)
        : start.dataRefContext();
    ChainSession session = operator
        ? chains.openSession(job.chainId(), leaderData.pins(), chains.limits()) : chains.openSession(job.chainId());
    WasmRefResolver refs = new WasmRefResolver();
    DataRefResolver dataRefs = operator
        ? DataRefResolver.replaying(leaderData) : DataRefResolver.reading(session, chains, contracts);
    List<ResolvedWasmRef> resolved = new ArrayList<>();
    boolean skip = false;
    boolean whitelisted = operator || !hasWasmSteps(job) || whitelist.allows(workflow.owner());
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
      Optional<String> failure = operator
          ? reusedWasmStep(run, i, step, start.wasmRefContext(), refs, resolved)
          : wasmStep(run, i, step, session, refs, resolved);
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
    if (operator && start.wasmRefContext() != null && start.wasmRefContext().skips()) {
      skip = true;
    }
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
      Optional<String> failure = contractStep(run, i, step, workflow.owner(), job.chainId(), session, refs,
          dataRefs);
      if (failure.isPresent()) {
        return run.failed(failure.get(), session, context, dataContext(session, dataRefs));
      }
    }
    return run.finished(RunStatus.SUCCEEDED, null, null, session, context, dataContext(session, dataRefs));
  }

  private static boolean hasWasmSteps(Job job) {
    return job.steps().stream().anyMatch(s -> s.type() == StepType.WASM);
  }

  /** The run's DataRefContext: every chain's pinned block and the references resolved. */
  private static DataRefContext dataContext(ChainSession session, DataRefResolver dataRefs) {
    return new DataRefContext(blocks(session), dataRefs.resolved());
  }

  private static Map<String, String> blocks(ChainSession session) {
    Map<String, String> blocks = new LinkedHashMap<>();
    session.pinnedBlocks().forEach((chain, block) -> blocks.put(String.valueOf(chain), String.valueOf(block)));
    return blocks;
  }

  /** An operator's WebAssembly step: the leader's result for its id, nothing run; answers the run's error. */
  private Optional<String> reusedWasmStep(Progress run, int index, Step step, WasmRefContext leader,
      WasmRefResolver refs, List<ResolvedWasmRef> resolved) {
    List<ResolvedWasmRef> given = leader == null ? List.of() : leader.resolvedRefs();
    Optional<ResolvedWasmRef> found = given.stream().filter(r -> step.wasmId().equals(r.ref().id())).findFirst();
    if (found.isEmpty()) {
      String error = "WASM reference " + step.wasmId() + " not found in provided context from leader. Available: ["
          + String.join(", ", given.stream().map(r -> r.ref().id()).toList()) + "]";
      run.set(index, new StepView(index, "wasm", step.wasmId(), null, "failed", inputOf(step), null, error, null,
          null, null, null, null, null));
      return Optional.of(error);
    }
    refs.put(step.wasmId(), found.get().result());
    resolved.add(found.get());
    run.set(index, new StepView(index, "wasm", step.wasmId(), null, "succeeded", inputOf(step),
        found.get().result(), null, null, null, null, null, null, "reused the leader's result"));
    return Optional.empty();
  }

  /** Runs a WebAssembly step; answers the run's error when it failed. */
  private Optional<String> wasmStep(Progress run, int index, Step step, ChainSession session, WasmRefResolver refs,
      List<ResolvedWasmRef> resolved) {
    JsonNode input = inputOf(step);
    Optional<String> sha256 = modules.sha256(step.wasmHash());
    if (sha256.isEmpty()) {
      modules.requestIndexing(step.wasmHash());
      String error = StepModules.notFoundMessage(step.wasmHash());
      run.set(index, new StepView(index, "wasm", step.wasmId(), null, "failed", input, null, error, null, null, null,
          null, null, null));
      return Optional.of(error);
    }
    int before = session.exchanges().size();
    Duration timeout = step.wasmTimeoutMs() == null || step.wasmTimeoutMs() <= 0
        ? null : Duration.ofMillis(step.wasmTimeoutMs());
    StepOutcome outcome = wasm.run(sha256.get(), input, timeout, session);
    List<JsonNode> rpc = exchangesSince(session, before);
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

  /** Simulates a contract step; answers the run's error when it failed or reverted. */
  private Optional<String> contractStep(Progress run, int index, Step step, String owner, long chainId,
      ChainSession session, WasmRefResolver refs, DataRefResolver dataRefs) {
    long started = System.nanoTime();
    int before = session.exchanges().size();
    ArrayNode arguments = NODES.arrayNode();
    BigInteger value;
    SimulationResult result;
    try {
      for (String arg : step.args()) {
        arguments.add(dataRefs.resolve(refs.resolve(argument(arg))));
      }
      value = value(step.value(), refs, dataRefs);
      FunctionSignature signature = step.abi().isEmpty()
          ? new FunctionSignature("", List.of(), List.of()) : FunctionSignature.parse(step.abi());
      List<JsonNode> args = new ArrayList<>();
      arguments.forEach(args::add);
      result = contracts.simulate(session, new ContractCall(chainId, owner, step.target(), signature.name(),
          signature.inputTypes(), args, value), chains.limits().callTimeout());
    } catch (RuntimeException e) {
      // The SDK's reference messages are the run's error as they are; other failures name the step.
      String error = e instanceof WasmRefException || e instanceof DataRefException ? e.getMessage()
          : "contract step " + index + " (" + step.abi() + " on " + step.target() + "): " + e.getMessage();
      run.set(index, new StepView(index, "contract", null, null, "failed", arguments, null, error, null, null,
          millisSince(started), null, exchangesSince(session, before), null));
      return Optional.of(error);
    }
    StepView.CallView call = new StepView.CallView(owner, step.target(), step.abi(), value.toString(),
        result.calldata(),
        result.blockNumber() == null ? null : String.valueOf(result.blockNumber()), result.success(), result.returnData(), result.revertReason());
    List<JsonNode> rpc = exchangesSince(session, before);
    if (!result.success()) {
      String error = "contract step " + index + " (" + step.abi() + " on " + step.target() + ") reverted: "
          + result.revertReason();
      run.set(index, new StepView(index, "contract", null, null, "failed", arguments, null, error, null, null,
          millisSince(started), call, rpc, null));
      return Optional.of(error);
    }
    run.set(index, new StepView(index, "contract", null, null, "succeeded", arguments, null, null, null, null,
        millisSince(started), call, rpc, null));
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

  /**
   * An argument as the resolver walks it: a string holding a JSON array ({@code "[1,2]"}, {@code
   * "[\"$wasm:a\",\"0x…\"]"}) becomes that array, so references inside it resolve; anything else stays a string.
   */
  private JsonNode argument(String arg) {
    String trimmed = arg.strip();
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      try {
        JsonNode parsed = json.readTree(trimmed);
        if (parsed.isArray()) {
          return parsed;
        }
      } catch (RuntimeException e) {
        // Not JSON: the encoder reads it as it is.
      }
    }
    return NODES.stringNode(arg);
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

  private List<JsonNode> exchangesSince(ChainSession session, int before) {
    List<JsonNode> out = new ArrayList<>();
    var exchanges = session.exchanges();
    for (int i = before; i < exchanges.size(); i++) {
      out.add(json.valueToTree(exchanges.get(i)));
    }
    return out;
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  static String wire(StepType type) {
    return type == StepType.WASM ? "wasm" : "contract";
  }

  /** The run as it goes: its steps, published after each change. */
  private final class Progress {

    private final RunView start;
    private final List<StepView> steps;
    private final Consumer<RunView> sink;
    private final RunListener listener;
    private final java.util.Set<Integer> started = new java.util.HashSet<>();

    Progress(RunView start, List<StepView> steps, Consumer<RunView> sink, RunListener listener) {
      this.start = start;
      this.steps = new ArrayList<>(steps);
      this.sink = sink;
      this.listener = listener;
    }

    void started(int index) {
      started.add(index);
      listener.stepStarted(start, steps.get(index));
    }

    StepView step(int index) {
      return steps.get(index);
    }

    void set(int index, StepView step) {
      steps.set(index, step);
      if (started.remove(index)) {
        listener.stepFinished(start, step);
      }
      // After the last step the final state is written at once; a progress write then would only cost time.
      if (steps.stream().anyMatch(s -> "pending".equals(s.status()))) {
        sink.accept(view(RunStatus.RUNNING, null, null, Map.of(), start.wasmRefContext(), start.dataRefContext()));
      }
    }

    RunView failed(String error, ChainSession session, WasmRefContext context, DataRefContext data) {
      for (int i = 0; i < steps.size(); i++) {
        if ("pending".equals(steps.get(i).status())) {
          steps.set(i, steps.get(i).skipped());
        }
      }
      return finished(RunStatus.FAILED, error, null, session, context, data);
    }

    RunView finished(RunStatus status, String error, Boolean skipped, ChainSession session, WasmRefContext context,
        DataRefContext data) {
      Map<String, String> blocks = blocks(session);
      RunView view = view(status, error, skipped, blocks, context, data);
      return new RunView(view.id(), view.workflowId(), view.jobId(), view.chainId(), view.mode(), status, error,
          skipped, view.attempts(), view.createdAt(), view.startedAt(), clock.instant(), blocks, view.steps(),
          context, data);
    }

    private RunView view(RunStatus status, String error, Boolean skipped, Map<String, String> blocks,
        WasmRefContext context, DataRefContext data) {
      return new RunView(start.id(), start.workflowId(), start.jobId(), start.chainId(), start.mode(), status, error,
          skipped, start.attempts(), start.createdAt(), start.startedAt(), null, blocks, List.copyOf(steps), context,
          data);
    }
  }
}
