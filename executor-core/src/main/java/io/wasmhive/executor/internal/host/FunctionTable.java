package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.HostFunctionType;
import java.util.HashMap;
import java.util.Map;

/** Collects one execution's host functions, typed from {@link HostCatalog}, and stubs the rest. */
final class FunctionTable {

  private final Map<String, HostFunction> functions = new HashMap<>();

  /** Registers a WASI function that returns an errno. */
  void wasi(String name, WasiFunction.Body body) {
    put(new WasiFunction(type(HostCatalog.WASI, name), body));
  }

  /** Registers a function that returns raw results and handles its own errors. */
  void plain(String module, String name, PlainFunction.Body body) {
    put(new PlainFunction(type(module, name), body));
  }

  /**
   * Fills every catalog entry nothing registered with a stub, so modules that import but never call
   * those functions still link: sockets answer ENOTSUP (there are never any), the rest ENOSYS.
   */
  Map<String, HostFunction> complete() {
    for (HostFunctionType type : HostCatalog.all()) {
      String key = HostCatalog.key(type.module(), type.name());
      if (!functions.containsKey(key)) {
        int errno = type.name().startsWith("sock_") ? Errno.NOTSUP : Errno.NOSYS;
        functions.put(key, new WasiFunction(type, args -> errno));
      }
    }
    return Map.copyOf(functions);
  }

  private void put(HostFunction function) {
    HostFunctionType type = function.type();
    if (functions.putIfAbsent(HostCatalog.key(type.module(), type.name()), function) != null) {
      throw new IllegalStateException("registered twice: " + type.name());
    }
  }

  private static HostFunctionType type(String module, String name) {
    return HostCatalog.lookup(module, name)
        .orElseThrow(() -> new IllegalStateException("not in the catalog: " + module + "." + name));
  }
}
