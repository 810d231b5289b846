package io.wasmhive.relay.execution;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ErrorKind;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.executor.ModuleNotFoundException;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.platform.errors.InternalErrors;
import io.wasmhive.platform.executor.ValueConversionException;
import io.wasmhive.platform.executor.WasmJson;
import io.wasmhive.platform.events.contract.ExecutionRequested;
import io.wasmhive.platform.modules.ModuleStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Runs one request on the shared {@link WasmExecutor}, whose module source is the module store: the module is
 * named by SHA-256 and the executor reads and registers it when its cache lacks it. The entry follows
 * {@link EntryRule}; typed inputs and outputs are converted by platform-infra's {@link WasmJson} under the rule that
 * {@code inputs} is an array of one number per parameter, other entries take and give JSON over stdio.
 * Guest and input failures become failed {@link Ran}s; failures worth another delivery (the pool is overloaded or
 * shutting down, the host failed) are thrown as {@link RetryLater}. Thread-safe; blocks while the module runs.
 */
final class ModuleRunner {

  private static final int STDERR_EXCERPT = 500;

  private final WasmExecutor executor;
  private final ModuleStore store;
  private final JsonMapper json;

  ModuleRunner(WasmExecutor executor, ModuleStore store, JsonMapper json) {
    this.executor = executor;
    this.store = store;
    this.json = json;
  }

  /** What an execution produced, before it gets its time stamp and node. */
  record Ran(boolean success, JsonNode output, String errorCode, String error, long gasUsed, long durationMs) {

    static Ran failed(String code, String message, long gasUsed, long durationMs) {
      return new Ran(false, NullNode.getInstance(), code, message, gasUsed, durationMs);
    }
  }

  /** A failure another delivery may not repeat; its message is a plain sentence fit for the client. */
  static final class RetryLater extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RetryLater(String message, Throwable cause) {
      super(message, cause);
    }

    public boolean retryable() {
      return true;
    }
  }

  Ran run(ExecutionRequested request, IntConsumer progress) {
    long started = System.nanoTime();
    try {
      ModuleInfo module = module(sha256(request));
      EntryRule.Plan plan = EntryRule.choose(module);
      ExecutionResult result = executor.execute(task(request, module, plan, progress));
      if (!result.success() && result.error().retryable()) {
        throw retryLater(request, result.error());
      }
      return outcome(plan, result);
    } catch (ExecutionFailure e) {
      return Ran.failed(e.code(), e.getMessage(), 0, millisSince(started));
    } catch (ExecutorException e) {
      if (e.retryable()) {
        throw retryLater(request, e);
      }
      return Ran.failed(code(e.kind()), e.getMessage(), 0, millisSince(started));
    }
  }

  /**
   * A failure of the executor rather than of the guest. Its message may reach the client (after the last delivery),
   * so an internal error is logged with its cause and named only by a reference; overload and shutdown messages
   * are the executor's own plain sentences.
   */
  private static RetryLater retryLater(ExecutionRequested request, ExecutorException e) {
    String message = e.kind() == ErrorKind.INTERNAL
        ? InternalErrors.logged("The executor failed on request " + request.requestId(), e)
        : e.getMessage();
    return new RetryLater(message, e);
  }

  /** The request's {@code module_sha256}; for a publisher that sends only the seed's fields, its CID's. */
  private String sha256(ExecutionRequested request) {
    if (request.moduleSha256() != null && !request.moduleSha256().isBlank()) {
      return request.moduleSha256().trim().toLowerCase(Locale.ROOT);
    }
    return store.resolve(String.valueOf(request.cid())).orElseThrow(() -> new ExecutionFailure(
        ExecutionFailure.MODULE_UNAVAILABLE, "the request names no module_sha256 and the module store has no module "
            + request.cid()));
  }

  /** What the executor knows of the module: from its cache, else read from the module store and registered. */
  private ModuleInfo module(String sha256) {
    try {
      return executor.load(sha256);
    } catch (ModuleNotFoundException e) {
      throw new ExecutionFailure(ExecutionFailure.MODULE_UNAVAILABLE,
          "no module with SHA-256 " + sha256 + " is in the module store");
    }
  }

  private ExecutionTask task(ExecutionRequested request, ModuleInfo module, EntryRule.Plan plan,
      IntConsumer progress) {
    ExecutionRequested.WirePolicy p = request.policy();
    ExecutionTask.Builder task = ExecutionTask.builder(module.id())
        .id(request.requestId())
        .policy(p == null ? Policy.DEFAULT : new Policy(p.maxMemory(), p.maxGas(), p.maxTime(), 0))
        .progressListener(progress);
    if (plan instanceof EntryRule.Plan.Typed typed) {
      return task.entry(new Entry.Typed(typed.export(),
          arguments(typed.export(), typed.signature(), request.inputs()))).build();
    }
    String export = ((EntryRule.Plan.Stdio) plan).export();
    byte[] stdin = json.writeValueAsBytes(request.inputs() == null ? NullNode.getInstance() : request.inputs());
    return task.entry(export == null ? Entry.command() : Entry.stdio(export)).stdin(stdin).build();
  }

  /**
   * The typed call's arguments: {@code inputs} must be a JSON array of exactly one number per parameter, each
   * converted by {@link WasmJson}; anything else is {@code INVALID_INPUT}.
   */
  static List<WasmValue> arguments(String export, Signature signature, JsonNode inputs) {
    int count = signature.params().size();
    if (inputs == null || !inputs.isArray()) {
      throw invalidInput(export + " takes typed arguments: inputs must be a JSON array of " + count + " numbers "
          + signature.params());
    }
    if (inputs.size() != count) {
      throw invalidInput(export + " takes " + count + " arguments " + signature.params() + ", inputs has "
          + inputs.size());
    }
    List<WasmValue> args = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        args.add(WasmJson.toValue(inputs.get(i), signature.params().get(i), "argument " + i + " of " + export));
      }
    } catch (ValueConversionException e) {
      throw invalidInput(e.getMessage());
    }
    return args;
  }

  private static ExecutionFailure invalidInput(String message) {
    return new ExecutionFailure(ExecutionFailure.INVALID_INPUT, message);
  }

  /** A typed call's results as JSON ({@link WasmJson#toJson(List)}); a NaN or infinite float is INVALID_OUTPUT. */
  static JsonNode output(List<WasmValue> values) {
    try {
      return WasmJson.toJson(values);
    } catch (ValueConversionException e) {
      throw new ExecutionFailure(ExecutionFailure.INVALID_OUTPUT, e.getMessage());
    }
  }

  private Ran outcome(EntryRule.Plan plan, ExecutionResult r) {
    long ms = r.durationNanos() / 1_000_000;
    if (!r.success()) {
      return Ran.failed(code(r.error().kind()), r.error().getMessage(), r.gasUsed(), ms);
    }
    try {
      if (plan instanceof EntryRule.Plan.Typed) {
        return new Ran(true, output(r.values()), null, null, r.gasUsed(), ms);
      }
      if (r.exitCode() != 0) {
        return Ran.failed("TRAP", "the module exited with code " + r.exitCode() + stderr(r), r.gasUsed(), ms);
      }
      return new Ran(true, stdout(r.stdout()), null, null, r.gasUsed(), ms);
    } catch (ExecutionFailure e) {
      return Ran.failed(e.code(), e.getMessage(), r.gasUsed(), ms);
    }
  }

  /** Empty (or blank) stdout is {@code null}; otherwise it must be one JSON document. */
  private JsonNode stdout(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return NullNode.getInstance();
    }
    try {
      return json.readTree(text);
    } catch (JacksonException e) {
      String excerpt = text.length() > 200 ? text.substring(0, 200) + "…" : text;
      throw new ExecutionFailure(ExecutionFailure.INVALID_OUTPUT, "the module's stdout is not JSON: " + excerpt);
    }
  }

  private static String stderr(ExecutionResult r) {
    String text = new String(r.stderr(), StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "";
    }
    return "; stderr: " + (text.length() > STDERR_EXCERPT ? text.substring(0, STDERR_EXCERPT) + "…" : text);
  }

  /** The outcome's error code of an executor error kind. */
  static String code(ErrorKind kind) {
    return switch (kind) {
      case TIMEOUT -> "TIMEOUT";
      case OUT_OF_GAS -> "OUT_OF_GAS";
      case MEMORY_LIMIT -> "MEMORY_LIMIT";
      case OUTPUT_LIMIT -> "OUTPUT_LIMIT";
      case TRAP -> "TRAP";
      case INVALID_TASK -> ExecutionFailure.INVALID_INPUT;
      // The module is there but will never run here: the same answer on every retry, so 422, not 503.
      case INVALID_MODULE, MODULE_TOO_LARGE, UNSUPPORTED_FEATURE, UNKNOWN_IMPORT -> ExecutionFailure.INVALID_MODULE;
      case MODULE_NOT_FOUND -> ExecutionFailure.MODULE_UNAVAILABLE;
      case OVERLOADED, SHUT_DOWN, INTERNAL -> ExecutionFailure.INTERNAL_ERROR;
    };
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
