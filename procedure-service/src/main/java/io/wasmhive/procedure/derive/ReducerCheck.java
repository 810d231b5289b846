package io.wasmhive.procedure.derive;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.MemoryLimitException;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.derive.engine.Reducer;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.util.List;

/**
 * Checks a reducer module before anything is stored: valid WebAssembly within the size limit, exporting
 * {@code reduce(i32, i32) -> i32}, {@code alloc(i32) -> i32} and its memory, importing nothing but the {@code db}
 * functions and {@link #HARMLESS_WASI} (so it has no clock, randomness or I/O to read), its initial memory within
 * {@code max_memory}.
 */
final class ReducerCheck {

  private static final ModuleInfo.Signature REDUCE = new ModuleInfo.Signature(List.of(ValueType.I32, ValueType.I32),
      List.of(ValueType.I32));
  private static final ModuleInfo.Signature ALLOC = new ModuleInfo.Signature(List.of(ValueType.I32),
      List.of(ValueType.I32));
  private static final long PAGE = 65_536;
  /**
   * WASI functions a toolchain's runtime links even into a reducer that never does I/O (Rust's std on its panic
   * path, for one), allowed because none reads anything a replay could see differently: a reducer's task has no
   * arguments or environment, its output is discarded (bounded by max_output, over which the message is rejected),
   * and an exit ends the call without a status, which rejects the message. Clocks, randomness, files and polling
   * stay refused.
   */
  static final List<String> HARMLESS_WASI = List.of("wasi_snapshot_preview1.fd_write",
      "wasi_snapshot_preview1.proc_exit", "wasi_snapshot_preview1.environ_get",
      "wasi_snapshot_preview1.environ_sizes_get", "wasi_snapshot_preview1.args_get",
      "wasi_snapshot_preview1.args_sizes_get");

  private ReducerCheck() {
  }

  static Reducer check(WasmExecutor executor, byte[] wasm, long maxModuleBytes, long maxMemory) {
    if (wasm == null || wasm.length == 0) {
      throw bad(ErrorCode.BAD_REQUEST, "the reducer module is empty");
    }
    if (wasm.length > maxModuleBytes) {
      throw bad(ErrorCode.PAYLOAD_TOO_LARGE, "the reducer has " + wasm.length + " bytes, more than the limit of "
          + maxModuleBytes);
    }
    ModuleInfo module;
    try {
      module = executor.register(wasm);
    } catch (MemoryLimitException e) {
      throw bad(ErrorCode.INVALID_WASM, e.getMessage());
    } catch (ExecutorException e) {
      throw ProcedureException.from(e);
    }
    require(REDUCE.equals(module.exports().get(Reducer.EXPORT)), "the reducer must export reduce(i32, i32) -> i32");
    require(ALLOC.equals(module.exports().get("alloc")), "the reducer must export alloc(i32) -> i32");
    require(module.exportsMemory(), "the reducer must export its memory as 'memory'");
    for (String name : module.imports()) {
      require(name.startsWith("db.") || HARMLESS_WASI.contains(name), "a reducer may import only the db functions "
          + "(db.exec, db.query, db.error) and WASI's " + String.join(", ", HARMLESS_WASI) + ", not " + name
          + ": it must not read a clock, randomness or anything outside its database");
    }
    if (module.initialMemoryPages() * PAGE > maxMemory) {
      throw bad(ErrorCode.BAD_REQUEST, "limits.max_memory " + maxMemory + " is below the reducer's initial memory of "
          + module.initialMemoryPages() * PAGE + " bytes");
    }
    return new Reducer(module.id(), wasm);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw bad(ErrorCode.INVALID_WASM, message);
    }
  }

  private static ProcedureException bad(ErrorCode code, String message) {
    return new ProcedureException(code, message);
  }
}
