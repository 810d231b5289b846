package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.wasm.NanCanonicalizer;
import java.util.function.Function;

/**
 * {@link WasmEngine} on Chicory 1.7.5, pure Java: each module is parsed and compiled to JVM bytecode once (functions
 * too large for one JVM method are refused, see {@link #compile}), after a rewrite that canonicalises NaNs exactly as
 * Wasmtime's {@code craneliftNanCanonicalization} does. Runs on any JVM and architecture. Thread-safe.
 */
public final class ChicoryEngine implements WasmEngine {

  /** {@code (func (export "run") (loop (br 0)))}: what {@link #warmUp()} interrupts. */
  private static final byte[] LOOP = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00,
    0x00, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 'r', 'u', 'n', 0x00, 0x00, 0x0A, 0x09, 0x01, 0x07, 0x00,
    0x03, 0x40, 0x0C, 0x00, 0x0B, 0x0B};

  private final DeadlineTicker ticker;

  /** Starts the deadline ticker and warms the compiler and the interruption path up. Blocks for some milliseconds. */
  public ChicoryEngine(ChicorySettings settings) {
    this.ticker = new DeadlineTicker(settings.tick().toNanos());
    warmUp();
  }

  /**
   * Compiles and interrupts a loop once, so that the JVM loads Chicory's compiler, the generated code's support
   * classes and the trap path now, not inside the first guest's time budget (that costs tens of milliseconds).
   */
  private void warmUp() {
    try (EngineModule loop = compile(LOOP);
       EngineInstance instance = loop.instantiate(java.util.Map.of(), new InstanceLimits(System.nanoTime()))) {
      instance.call("run");
    } catch (GuestTrap expected) {
      // Interrupted, as intended.
    } finally {
      releaseThreadResources();
    }
  }

  @Override
  public String name() {
    return "chicory";
  }

  /**
   * Rewrites the NaN-producing instructions, parses and compiles. A function too large for one JVM method would run
   * in Chicory's interpreter, whose call stack lives on the heap without a bound, so such a module is refused.
   */
  @Override
  public EngineModule compile(byte[] wasm) {
    byte[] canonical;
    try {
      canonical = NanCanonicalizer.rewrite(wasm, ChicoryFeatures.RUNNABLE);
    } catch (DisallowedFeatureException e) {
      throw ChicoryFeatures.refusal(e);
    }
    WasmModule module;
    Function<Instance, Machine> machines;
    try {
      module = Parser.parse(canonical);
      machines = MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.FAIL).compile();
    } catch (ExecutorException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidModuleException("the engine rejected the module: " + describe(e), e);
    }
    return new ChicoryModule(this, module, machines);
  }

  private static String describe(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("too large") || e.getClass().getSimpleName().contains("MethodTooLarge")
        || message.contains("interpreter")) {
      return "a function is too large to compile to one JVM method, which the chicory engine requires (run the "
          + "module on WASM_ENGINE=wasmtime): " + message;
    }
    return e.getClass().getSimpleName() + ": " + message;
  }

  /** The calling thread's deadline state. */
  DeadlineWatch watch() {
    return ticker.watch();
  }

  /** Threads whose deadline state the ticker holds (for leak checks). */
  public int watchedThreads() {
    return ticker.watched();
  }

  @Override
  public void releaseThreadResources() {
    ticker.release();
  }

  @Override
  public void close() {
    ticker.close();
  }
}
