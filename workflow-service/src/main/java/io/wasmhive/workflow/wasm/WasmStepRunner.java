package io.wasmhive.workflow.wasm;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutionTimeoutException;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.RpcHandler;
import io.wasmhive.executor.WasmExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one workflow module on the shared {@link WasmExecutor} as the Ditto simulator runs it (seed 000): the
 * {@code run} export when the module has one, else a WASI command through {@code _start} (a reactor's
 * {@code _initialize} is called by the executor first); stdin is the compact JSON of the input and a newline;
 * the first non-empty stdout line parsed as JSON is the result. The file bridge ({@code WASM_RPC_WORK_DIR}) and
 * {@code host.rpc_call} are both answered by the handler given per call. Blocks until the step ends; thread-safe.
 *
 * <p>Every guest failure becomes a failed {@link StepOutcome} with the simulator's verdict string; only failures
 * worth retrying ({@link ExecutorException#retryable()}: the pool is overloaded or shutting down, a module source
 * failed) are thrown.
 */
@Component
public class WasmStepRunner {

  private final WasmExecutor executor;
  private final WasmStepProperties properties;
  private final JsonMapper mapper;
  private final StdoutResult stdoutResult;

  WasmStepRunner(WasmExecutor executor, WasmStepProperties properties, JsonMapper mapper) {
    this.executor = executor;
    this.properties = properties;
    this.mapper = mapper;
    this.stdoutResult = new StdoutResult(mapper);
  }

  /**
   * Runs the module with this SHA-256 (lowercase hex), from the executor's cache or else the module store.
   *
   * @param timeout the step's {@code wasmTimeoutMs}, {@code null} for the default; clamped to the maximum
   * @param rpc answers the guest's JSON-RPC requests; {@code null} answers each with an error
   * @throws ExecutorException only when {@link ExecutorException#retryable() retryable}
   */
  public StepOutcome run(String sha256, JsonNode input, Duration timeout, RpcHandler rpc) {
    return run(sha256, input, limitsOf(timeout), rpc);
  }

  /**
   * As {@link #run(String, JsonNode, Duration, RpcHandler)}, deterministically: the guest's clocks and randomness
   * are derived from {@code seed} alone, so the same module, input, seed and RPC answers give the same result on
   * every machine (with canonical NaNs, which the engine always uses).
   */
  public StepOutcome runDeterministic(String sha256, JsonNode input, Duration timeout, RpcHandler rpc,
      String seed) {
    return loadAndExecute(sha256, input, limitsOf(timeout), rpc, java.util.Objects.requireNonNull(seed));
  }

  /** As {@link #run(String, JsonNode, Duration, RpcHandler)} with a module given as bytes, registered first. */
  public StepOutcome run(byte[] module, JsonNode input, Duration timeout, RpcHandler rpc) {
    return run(module, input, limitsOf(timeout), rpc);
  }

  /** As {@link #run(String, JsonNode, Duration, RpcHandler)} with output ceilings too. */
  public StepOutcome run(String sha256, JsonNode input, StepLimits limits, RpcHandler rpc) {
    return loadAndExecute(sha256, input, limits, rpc, null);
  }

  /** Runs the stored module; deterministically, seeded by {@code seed}, unless it is {@code null}. */
  private StepOutcome loadAndExecute(String sha256, JsonNode input, StepLimits limits, RpcHandler rpc, String seed) {
    long started = System.nanoTime();
    ModuleInfo info;
    try {
      info = executor.load(sha256);
    } catch (ExecutorException e) {
      return refused(e, started);
    }
    return execute(info, null, input, limits, rpc, started, seed);
  }

  /** As {@link #run(byte[], JsonNode, Duration, RpcHandler)} with output ceilings too. */
  public StepOutcome run(byte[] module, JsonNode input, StepLimits limits, RpcHandler rpc) {
    long started = System.nanoTime();
    if (module.length > properties.maxModuleBytes()) {
      return StepOutcome.failure("wasm too large (> " + properties.maxModuleBytes() + " bytes)", "", 0, 0);
    }
    ModuleInfo info;
    try {
      info = executor.register(module);
    } catch (ExecutorException e) {
      return refused(e, started);
    }
    return execute(info, module, input, limits, rpc, started, null);
  }

  /** The timeout a step runs with: {@code requested} or the default, clamped to [1 ms, the maximum]. */
  public long clampTimeoutMs(Long requestedMs) {
    long ms = requestedMs == null ? properties.defaultTimeout().toMillis() : requestedMs;
    return Math.min(Math.max(1, ms), properties.maxTimeout().toMillis());
  }

  private StepLimits limitsOf(Duration timeout) {
    return new StepLimits(timeout == null ? null : timeout.toMillis(), null, null);
  }

  private StepOutcome execute(ModuleInfo info, byte[] bytes, JsonNode input, StepLimits limits, RpcHandler rpc,
      long started, String seed) {
    long timeoutMs = clampTimeoutMs(limits.timeoutMs());
    long maxStdout = clampOutput(limits.maxStdoutBytes(), properties.maxStdoutBytes());
    long maxStderr = clampOutput(limits.maxStderrBytes(), properties.maxStderrBytes());
    Entry entry = EntryChoice.of(info);
    if (entry == null) {
      return StepOutcome.failure(EntryChoice.NO_ENTRY, "", elapsedMs(started), 0);
    }
    ExecutionTask task = ExecutionTask.builder(info.id())
        .id(seed)
        .deterministic(seed != null)
        .moduleBytes(bytes)
        .entry(entry)
        .stdin(stdinOf(input))
        .policy(new Policy(0, executor.options().maxPolicy().maxGas(), timeoutMs, Math.max(1, Math.max(maxStdout, maxStderr))))
        .rpcHandler(rpc == null ? RpcHandler.UNAVAILABLE : rpc)
        .build();
    ExecutionResult result = executor.execute(task);
    return outcome(result, timeoutMs, maxStdout, maxStderr, elapsedMs(started));
  }

  private byte[] stdinOf(JsonNode input) {
    String json = input == null ? "null" : mapper.writeValueAsString(input);
    return (json + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The verdict, in the simulator's order: output limit, timeout, other failures, exit code, stdout. */
  private StepOutcome outcome(ExecutionResult r, long timeoutMs, long maxStdout, long maxStderr, long durationMs) {
    String stderr = Outputs.text(r.stderr(), maxStderr);
    ExecutorException error = r.error();
    if (Outputs.overLimit(r, maxStdout, maxStderr)) {
      return StepOutcome.failure(Verdicts.OUTPUT_LIMIT, stderr, durationMs, r.gasUsed());
    }
    if (error instanceof ExecutionTimeoutException) {
      return StepOutcome.failure(Verdicts.timeout(timeoutMs), stderr, durationMs, r.gasUsed());
    }
    if (error != null) {
      rethrowIfRetryable(error);
      return StepOutcome.failure(GuestFailures.describe(error), stderr, durationMs, r.gasUsed());
    }
    if (r.exitCode() != 0) {
      return StepOutcome.failure(Verdicts.exitCode(r.exitCode()), stderr, durationMs, r.gasUsed());
    }
    StdoutResult.Parsed parsed = stdoutResult.parse(r.stdout());
    return parsed.error() == null
        ? StepOutcome.success(parsed.value(), stderr, durationMs, r.gasUsed())
        : StepOutcome.failure(parsed.error(), stderr, durationMs, r.gasUsed());
  }

  private StepOutcome refused(ExecutorException e, long started) {
    rethrowIfRetryable(e);
    return StepOutcome.failure(GuestFailures.describe(e), "", elapsedMs(started), 0);
  }

  private static void rethrowIfRetryable(ExecutorException e) {
    if (e.retryable()) {
      throw e;
    }
  }

  private static long clampOutput(Long requested, long ceiling) {
    return requested == null ? ceiling : Math.min(Math.max(0, requested), ceiling);
  }

  private static long elapsedMs(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
