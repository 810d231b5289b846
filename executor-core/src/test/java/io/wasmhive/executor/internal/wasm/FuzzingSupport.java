package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.engine.HostCall;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.HostFunctionType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The imports binaryen's generated modules expect: {@code fuzzing-support.log-*} functions whose
 * arguments, raw bits included, are appended to a trace that two runs of a module can be compared by.
 * One instance per run; not thread-safe.
 */
final class FuzzingSupport {

  static final String MODULE = "fuzzing-support";

  private final List<String> trace;

  /** Appends what the guest logs to {@code trace}. */
  FuzzingSupport(List<String> trace) {
    this.trace = trace;
  }

  /** One host function per import of {@code parsed}; fails for an import that is not a {@code log-*} function. */
  Map<String, HostFunction> imports(ParsedModule parsed) {
    Map<String, HostFunction> out = new HashMap<>();
    for (ImportEntry imp : parsed.imports()) {
      if (!imp.module().equals(MODULE) || !imp.name().startsWith("log-") || imp.signature() == null
          || !imp.signature().results().isEmpty()) {
        throw new AssertionError("unexpected import " + imp);
      }
      HostFunctionType type = HostFunctionType.of(imp.module(), imp.name(), imp.signature().params(), List.of());
      out.put(imp.module() + "." + imp.name(), new Log(type));
    }
    return out;
  }

  private final class Log implements HostFunction {

    private final HostFunctionType type;

    Log(HostFunctionType type) {
      this.type = type;
    }

    @Override
    public HostFunctionType type() {
      return type;
    }

    @Override
    public long[] call(HostCall call, long[] args) {
      StringBuilder line = new StringBuilder(type.name());
      for (int i = 0; i < args.length; i++) {
        line.append(i == 0 ? " " : ",").append(Long.toHexString(args[i]));
      }
      trace.add(line.toString());
      return new long[0];
    }
  }
}
