package io.wasmhive.executor.internal.run;

import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.HostFailureException;
import io.wasmhive.executor.InvalidTaskException;
import io.wasmhive.executor.MemoryLimitException;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.RpcHandler;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.GuestExit;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.internal.host.HostEnvironment;
import io.wasmhive.executor.internal.host.HostSettings;
import io.wasmhive.executor.internal.host.RpcCalls;
import io.wasmhive.executor.internal.registry.CompiledModule;
import io.wasmhive.executor.internal.registry.ModuleRegistry;
import io.wasmhive.executor.internal.wasm.ImportEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one task to its result on the calling thread. On the success path of a command, stdio function
 * or typed entry the guest is entered exactly once (see {@link MeteredCall}); the instrumented module's
 * counters are read separately only after a trap, an exit or a host failure. Thread-safe: keeps no
 * per-execution state.
 */
public final class ExecutionRunner {

  private static final long PAGE = 65536;
  private static final byte[] NONE = new byte[0];

  private final ModuleRegistry registry;
  private final ExecutorOptions options;
  private final RpcCalls rpcCalls;
  private final AtomicLong retained = new AtomicLong();
  private final LongAdder instantiations = new LongAdder();
  private final LongAdder reuses = new LongAdder();
  private final long maxRetainedBytes;

  /** @param rpcCalls the executor's threads for RPC handlers */
  public ExecutionRunner(ModuleRegistry registry, ExecutorOptions options, RpcCalls rpcCalls) {
    this.registry = registry;
    this.options = options;
    this.rpcCalls = rpcCalls;
    this.maxRetainedBytes = (long) options.reuseRetainedMb() << 20;
  }

  /** Runs the task; never throws for guest failures, which come back in the result. Blocks. */
  public ExecutionResult run(ExecutionTask task, String worker) {
    long start = System.nanoTime();
    Outcome outcome = new Outcome();
    try {
      Policy policy = task.policy().orDefaults(options.defaultPolicy());
      policy.checkWithin(options.maxPolicy());
      CompiledModule module = registry.acquire(task.moduleId(), task.moduleBytes());
      try {
        execute(task, module, policy, outcome);
      } finally {
        module.release();
      }
    } catch (ExecutorException e) {
      outcome.error = e;
    } catch (RuntimeException e) {
      // A defect or a failure of the engine, not of the guest. The message is for whoever sent the task and
      // says nothing of the host's internals; the cause stays attached for the service's log.
      outcome.error = new HostFailureException(HostFailureException.MESSAGE, e);
    }
    return outcome.toResult(task.id(), System.nanoTime() - start, worker);
  }

  private void execute(ExecutionTask task, CompiledModule module, Policy policy, Outcome outcome) {
    long initialBytes = module.info().initialMemoryPages() * PAGE;
    if (initialBytes > policy.maxMemory()) {
      throw new MemoryLimitException("the module's initial memory of " + initialBytes
          + " bytes exceeds max_memory " + policy.maxMemory());
    }
    EntryCall entry = EntryCall.of(task.entry(), module.parsed(), policy);
    // max_time bounds the guest, not the compilation a cache miss costs.
    long deadline = System.nanoTime() + policy.maxTime() * 1_000_000L;
    HostEnvironment host = module.parsed().imports().isEmpty() ? null
        : new HostEnvironment(settings(task, policy, deadline), rpcCalls);
    Reusable kept;
    EngineInstance instance;
    outcome.engine = module.engineModule().engineName();
    try {
      kept = reusable(module) ? reuseOrCreate(module, host, deadline) : null;
      if (kept != null) {
        instance = kept.instance;
      } else {
        instantiations.increment();
        instance = module.engineModule().instantiate(imports(module, host), new InstanceLimits(deadline));
      }
    } catch (GuestTrap trap) {
      // A trap while instantiating (for example a data segment out of bounds).
      outcome.error = Failures.fromTrap(trap, null, 0, policy);
      return;
    }
    boolean clean = false;
    try {
      clean = runEntry(instance, entry, module, policy, host, outcome);
    } finally {
      if (kept == null) {
        instance.close();
      } else if (!clean || !keep(kept, module)) {
        // Closing the kept instance gives its share of the retained-memory budget back.
        kept.close();
      }
      module.engineModule().executed(outcome.gasUsed);
    }
  }

  /** Runs the entry on the instance; true when it returned normally with no error. */
  private boolean runEntry(EngineInstance instance, EntryCall entry, CompiledModule module, Policy policy,
      HostEnvironment host, Outcome outcome) {
    // Whether outcome holds the final gas: returned by the entry's call wrapper, or read after a trap.
    boolean metered = false;
    boolean returned = false;
    try {
      int maxPages = (int) Math.min(Integer.MAX_VALUE, policy.maxMemory() / PAGE);
      entry.run(instance, policy.maxGas(), maxPages, module.parsed().startFunction().isPresent(), outcome);
      metered = outcome.gasKnown;
      returned = true;
    } catch (GuestExit exit) {
      outcome.exitCode = exit.code();
    } catch (GuestTrap trap) {
      long left = Failures.gasLeft(instance);
      outcome.error = Failures.fromTrap(trap, instance, left, policy);
      outcome.gasUsed(Failures.gasUsed(left, policy));
      metered = true;
    } catch (ExecutorException e) {
      outcome.error = e;
    } finally {
      // An exit, a host failure or an error after the guest ran again: read what the guest wrote back.
      if (!metered) {
        outcome.gasUsed(Failures.gasUsed(Failures.gasLeft(instance), policy));
      }
      if (host != null) {
        outcome.stdout = host.stdout();
        outcome.stderr = host.stderr();
      }
    }
    return returned && outcome.error == null;
  }

  /** Whether executions of this module keep their instance for the next one. */
  private boolean reusable(CompiledModule module) {
    return options.instanceReuse() && module.engineModule().resettable();
  }

  /**
   * A kept instance of the module bound to this execution's host and deadline, or a new resettable one
   * checkpointed before any guest code ran; null when the engine could not checkpoint it (the caller then
   * instantiates as usual). Blocks while instantiating.
   */
  private Reusable reuseOrCreate(CompiledModule module, HostEnvironment host, long deadline) {
    Reusable kept = (Reusable) module.idle().poll();
    if (kept != null) {
      if (kept.imports != null) {
        kept.imports.bind(host);
      }
      kept.instance.deadline(deadline);
      reuses.increment();
      return kept;
    }
    instantiations.increment();
    ReboundImports rebound = host == null ? null : new ReboundImports(module.parsed().imports(), host);
    EngineInstance instance = module.engineModule().instantiate(rebound == null ? Map.of() : rebound.functions(),
        new InstanceLimits(deadline, true));
    if (!instance.checkpoint()) {
      // Counted again when the caller instantiates the usual way.
      instantiations.decrement();
      instance.close();
      return null;
    }
    return new Reusable(instance, rebound, retained);
  }

  /** Restores the instance and keeps it for the module's next execution; false when it must be closed instead. */
  private boolean keep(Reusable kept, CompiledModule module) {
    if (kept.imports != null) {
      kept.imports.unbind();
    }
    return kept.instance.restore() && kept.reserve(maxRetainedBytes)
        && module.idle().offer(kept, options.maxWorkers());
  }

  /** Instances created so far. Thread-safe. */
  public long instantiations() {
    return instantiations.sum();
  }

  /** Executions served by a kept instance so far. Thread-safe. */
  public long reuses() {
    return reuses.sum();
  }

  private HostSettings settings(ExecutionTask task, Policy policy, long deadline) {
    RpcHandler rpc = task.rpcHandler() != null ? task.rpcHandler() : options.rpcHandler();
    try {
      return new HostSettings(task.id(), task.stdin(), task.args(), task.env(), task.files(), task.deterministic(),
          policy.maxOutput(), rpc, deadline, task.progressListener(), task.database());
    } catch (IllegalArgumentException e) {
      // A NUL in an argument or variable, or an invalid variable name: the caller's mistake, not the host's.
      throw new InvalidTaskException(e.getMessage(), e);
    }
  }

  private static Map<String, HostFunction> imports(CompiledModule module, HostEnvironment host) {
    List<ImportEntry> wanted = module.parsed().imports();
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Map<String, HostFunction> out = new HashMap<>();
    for (ImportEntry imp : wanted) {
      out.put(imp.module() + "." + imp.name(), host.function(imp.module(), imp.name()));
    }
    return out;
  }

  /** What an execution produced so far; filled in as it goes. */
  static final class Outcome {
    ExecutorException error;
    int exitCode;
    byte[] stdout = NONE;
    byte[] stderr = NONE;
    List<WasmValue> values = List.of();
    byte[] output;
    long gasUsed;
    boolean gasKnown;
    String engine = "";

    /** Records the gas used, as returned by a call wrapper or read after a trap or exit. */
    void gasUsed(long used) {
      gasUsed = used;
      gasKnown = true;
    }

    /** Marks the recorded gas stale: the guest ran again after it was returned. */
    void gasUnknown() {
      gasKnown = false;
    }

    ExecutionResult toResult(String taskId, long nanos, String worker) {
      return new ExecutionResult(taskId, error, exitCode, stdout, stderr, values, output, gasUsed, nanos, worker, engine);
    }
  }
}
