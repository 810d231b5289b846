package io.wasmhive.executor.internal.run;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.InvalidTaskException;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.internal.wasm.FuncSignature;
import io.wasmhive.executor.internal.wasm.Instrumentation;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link Entry} checked against the module's exports, ready to run on an instance. Every entry
 * starts with one {@link MeteredCall}: for a command, a stdio function or a typed call that one call is
 * the whole execution when it succeeds.
 */
abstract class EntryCall {

  static final String START = "_start";
  static final String INITIALIZE = "_initialize";

  final boolean reactor;

  private EntryCall(boolean reactor) {
    this.reactor = reactor;
  }

  /** Checks the entry against the module; {@link InvalidTaskException} names what does not fit. */
  static EntryCall of(Entry entry, ParsedModule module, Policy policy) {
    boolean reactor = module.signatureOfExport(INITIALIZE)
        .filter(sig -> sig.params().isEmpty() && sig.results().isEmpty()).isPresent();
    if (entry instanceof Entry.Command) {
      FuncSignature sig = export(module, START);
      requireSignature(START, sig, List.of(), List.of());
      return new CommandCall();
    }
    if (entry instanceof Entry.StdioFunction f) {
      FuncSignature sig = export(module, f.export());
      if (!sig.params().isEmpty()) {
        throw new InvalidTaskException("export '" + f.export() + "' takes parameters " + sig.params()
            + "; a stdio function takes none");
      }
      return new FunctionCall(reactor, f.export());
    }
    if (entry instanceof Entry.Typed t) {
      FuncSignature sig = export(module, t.export());
      List<ValueType> given = t.args().stream().map(WasmValue::type).toList();
      if (!sig.params().equals(given)) {
        throw new InvalidTaskException("export '" + t.export() + "' takes " + sig.params() + ", got " + given);
      }
      if (sig.params().size() > Instrumentation.MAX_WRAPPED_PARAMS
          || sig.results().size() > Instrumentation.MAX_WRAPPED_RESULTS) {
        throw new InvalidTaskException("export '" + t.export() + "' has more than " + Instrumentation.MAX_WRAPPED_PARAMS
            + " parameters or " + Instrumentation.MAX_WRAPPED_RESULTS + " results, which typed calls do not support");
      }
      return new TypedCall(reactor, t.export(), t.args().toArray(WasmValue[]::new));
    }
    requireSignature(BytesAbi.ALLOC, export(module, BytesAbi.ALLOC), List.of(ValueType.I32), List.of(ValueType.I32));
    if (entry instanceof Entry.Message m) {
      requireSignature(m.export(), export(module, m.export()), List.of(ValueType.I32, ValueType.I32),
          List.of(ValueType.I32));
      return new MessageCall(reactor, m.export(), m.message());
    }
    Entry.Bytes b = (Entry.Bytes) entry;
    ValueType[] params = new ValueType[b.params().size() * 2];
    Arrays.fill(params, ValueType.I32);
    requireSignature(b.export(), export(module, b.export()), List.of(params), List.of(ValueType.I64));
    return new BytesCall(reactor, b.export(), b.params(), policy.maxOutput());
  }

  private static FuncSignature export(ParsedModule module, String name) {
    return module.signatureOfExport(name).orElseThrow(
        () -> new InvalidTaskException("the module exports no function '" + name + "'"));
  }

  private static void requireSignature(String name, FuncSignature sig, List<ValueType> params, List<ValueType> results) {
    if (!sig.params().equals(params) || !sig.results().equals(results)) {
      throw new InvalidTaskException("export '" + name + "' has signature " + sig.params() + " -> " + sig.results()
          + "; expected " + params + " -> " + results);
    }
  }

  /**
   * Runs the entry with the module's start function first if it has one; results and, when the entry
   * completes, the gas used go into {@code outcome}. Blocks; traps and exits propagate.
   */
  final void run(EngineInstance instance, long gas, int maxPages, boolean hasStart, ExecutionRunner.Outcome outcome) {
    int flags = (hasStart ? Instrumentation.RUN_START : 0) | (reactor ? Instrumentation.RUN_INITIALIZE : 0);
    enter(instance, new MeteredCall(gas, maxPages, flags), outcome);
  }

  abstract void enter(EngineInstance instance, MeteredCall call, ExecutionRunner.Outcome outcome);

  /** A WASI command: {@code _start}. */
  private static final class CommandCall extends EntryCall {
    CommandCall() {
      super(false);
    }

    @Override
    void enter(EngineInstance instance, MeteredCall call, ExecutionRunner.Outcome outcome) {
      call.call(instance, START, outcome);
    }
  }

  /** A parameterless export using WASI stdio, such as {@code run}. */
  private static final class FunctionCall extends EntryCall {
    private final String export;

    FunctionCall(boolean reactor, String export) {
      super(reactor);
      this.export = export;
    }

    @Override
    void enter(EngineInstance instance, MeteredCall call, ExecutionRunner.Outcome outcome) {
      outcome.values = List.of(call.call(instance, export, outcome));
    }
  }

  /** A typed call with number arguments and results. */
  private static final class TypedCall extends EntryCall {
    private final String export;
    private final WasmValue[] args;

    TypedCall(boolean reactor, String export, WasmValue[] args) {
      super(reactor);
      this.export = export;
      this.args = args;
    }

    @Override
    void enter(EngineInstance instance, MeteredCall call, ExecutionRunner.Outcome outcome) {
      outcome.values = List.of(call.call(instance, export, outcome, args));
    }
  }

  /** One message through {@code alloc}, an i32 status back (a derivation's reducer). */
  private static final class MessageCall extends EntryCall {
    private final String export;
    private final byte[] message;

    MessageCall(boolean reactor, String export, byte[] message) {
      super(reactor);
      this.export = export;
      this.message = message;
    }

    @Override
    void enter(EngineInstance instance, MeteredCall call, ExecutionRunner.Outcome outcome) {
      outcome.values = List.of(BytesAbi.message(instance, call, export, message, outcome));
    }
  }

  /** The bytes ABI: parameters through {@code alloc}, the result packed as {@code (ptr << 32) | len}. */
  private static final class BytesCall extends EntryCall {
    private final String export;
    private final List<byte[]> params;
    private final long maxOutput;

    BytesCall(boolean reactor, String export, List<byte[]> params, long maxOutput) {
      super(reactor);
      this.export = export;
      this.params = params;
      this.maxOutput = maxOutput;
    }

    @Override
    void enter(EngineInstance instance, MeteredCall call, ExecutionRunner.Outcome outcome) {
      BytesAbi.call(instance, call, export, params, maxOutput, outcome);
    }
  }
}
