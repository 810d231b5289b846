package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.engine.GuestExit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** WASI arguments, environment, exit, raise and yield. */
final class WasiProcess {

  /** {@code argv[0]}: guests see a fixed program name, never a host path. */
  static final String PROGRAM_NAME = "main.wasm";

  private final NulTerminatedList argv;
  private final NulTerminatedList environ;

  WasiProcess(List<String> args, Map<String, String> env) {
    List<String> all = new ArrayList<>();
    all.add(PROGRAM_NAME);
    all.addAll(args);
    argv = new NulTerminatedList(all);
    environ = new NulTerminatedList(environment(env));
  }

  /** The task's variables, then the file bridge's, which always win over a task variable of the same name. */
  static List<String> environment(Map<String, String> env) {
    Map<String, String> bridge = FileRpcBridge.environment();
    List<String> entries = new ArrayList<>();
    env.forEach((key, value) -> {
      if (!bridge.containsKey(key)) {
        entries.add(key + "=" + value);
      }
    });
    bridge.forEach((key, value) -> entries.add(key + "=" + value));
    return entries;
  }

  void register(FunctionTable table) {
    table.wasi("args_sizes_get", argv::sizes);
    table.wasi("args_get", argv::get);
    table.wasi("environ_sizes_get", environ::sizes);
    table.wasi("environ_get", environ::get);
    table.wasi("sched_yield", args -> {
      Thread.yield();
      return Errno.SUCCESS;
    });
    table.plain(HostCatalog.WASI, "proc_exit", (call, args) -> {
      throw new GuestExit((int) args[0]);
    });
    table.plain(HostCatalog.WASI, "proc_raise", (call, args) -> {
      throw new TrapException("raise", "the guest raised signal " + (int) args[0]);
    });
  }
}
