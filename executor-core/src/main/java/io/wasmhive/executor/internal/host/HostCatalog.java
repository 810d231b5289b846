package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.engine.HostFunctionType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every import the host offers, with its exact core-WebAssembly signature: the whole WASI preview1
 * function list (signatures as lowered in wasi-libc's generated {@code api.c}), the {@code host} and {@code db} modules and
 * AssemblyScript's {@code env.abort}, {@code env.seed} and {@code env.trace}.
 */
final class HostCatalog {

  static final String WASI = "wasi_snapshot_preview1";
  static final String HOST = "host";
  /** AssemblyScript's imports ({@link AssemblyScriptEnv}). */
  static final String ENV = "env";
  /** A derivation reducer's database ({@link HostDb}). */
  static final String DB = "db";

  // Declared before TYPES: static initialisers run in textual order.
  private static final String[] WASI_SIGNATURES = {
    "args_get i32 i32 -> i32",
    "args_sizes_get i32 i32 -> i32",
    "environ_get i32 i32 -> i32",
    "environ_sizes_get i32 i32 -> i32",
    "clock_res_get i32 i32 -> i32",
    "clock_time_get i32 i64 i32 -> i32",
    "fd_advise i32 i64 i64 i32 -> i32",
    "fd_allocate i32 i64 i64 -> i32",
    "fd_close i32 -> i32",
    "fd_datasync i32 -> i32",
    "fd_fdstat_get i32 i32 -> i32",
    "fd_fdstat_set_flags i32 i32 -> i32",
    "fd_fdstat_set_rights i32 i64 i64 -> i32",
    "fd_filestat_get i32 i32 -> i32",
    "fd_filestat_set_size i32 i64 -> i32",
    "fd_filestat_set_times i32 i64 i64 i32 -> i32",
    "fd_pread i32 i32 i32 i64 i32 -> i32",
    "fd_prestat_get i32 i32 -> i32",
    "fd_prestat_dir_name i32 i32 i32 -> i32",
    "fd_pwrite i32 i32 i32 i64 i32 -> i32",
    "fd_read i32 i32 i32 i32 -> i32",
    "fd_readdir i32 i32 i32 i64 i32 -> i32",
    "fd_renumber i32 i32 -> i32",
    "fd_seek i32 i64 i32 i32 -> i32",
    "fd_sync i32 -> i32",
    "fd_tell i32 i32 -> i32",
    "fd_write i32 i32 i32 i32 -> i32",
    "path_create_directory i32 i32 i32 -> i32",
    "path_filestat_get i32 i32 i32 i32 i32 -> i32",
    "path_filestat_set_times i32 i32 i32 i32 i64 i64 i32 -> i32",
    "path_link i32 i32 i32 i32 i32 i32 i32 -> i32",
    "path_open i32 i32 i32 i32 i32 i64 i64 i32 i32 -> i32",
    "path_readlink i32 i32 i32 i32 i32 i32 -> i32",
    "path_remove_directory i32 i32 i32 -> i32",
    "path_rename i32 i32 i32 i32 i32 i32 -> i32",
    "path_symlink i32 i32 i32 i32 i32 -> i32",
    "path_unlink_file i32 i32 i32 -> i32",
    "poll_oneoff i32 i32 i32 i32 -> i32",
    "proc_exit i32 ->",
    "proc_raise i32 -> i32",
    "sched_yield -> i32",
    "random_get i32 i32 -> i32",
    "sock_accept i32 i32 i32 -> i32",
    "sock_recv i32 i32 i32 i32 i32 i32 -> i32",
    "sock_send i32 i32 i32 i32 i32 -> i32",
    "sock_shutdown i32 i32 -> i32",
  };

  private static final Map<String, HostFunctionType> TYPES = build();

  private HostCatalog() {
  }

  /** The signature of an import, if the host offers it. */
  static Optional<HostFunctionType> lookup(String module, String name) {
    return Optional.ofNullable(TYPES.get(key(module, name)));
  }

  /** All offered imports, in catalog order. */
  static Collection<HostFunctionType> all() {
    return TYPES.values();
  }

  static String key(String module, String name) {
    return module + "." + name;
  }

  private static Map<String, HostFunctionType> build() {
    Map<String, HostFunctionType> types = new LinkedHashMap<>();
    for (String line : WASI_SIGNATURES) {
      add(types, WASI, line);
    }
    add(types, HOST, "rpc_call i32 i32 i32 -> i32");
    add(types, HOST, "progress i32 ->");
    add(types, DB, "exec i32 i32 i32 i32 -> i64");
    add(types, DB, "query i32 i32 i32 i32 i32 -> i32");
    add(types, DB, "error i32 i32 -> i32");
    add(types, ENV, "abort i32 i32 i32 i32 ->");
    add(types, ENV, "seed -> f64");
    add(types, ENV, "trace i32 i32 f64 f64 f64 f64 f64 ->");
    return Collections.unmodifiableMap(types);
  }

  /** Parses {@code "name param... -> result..."}. */
  private static void add(Map<String, HostFunctionType> types, String module, String line) {
    String[] sides = line.split("->", -1);
    List<String> left = Arrays.asList(sides[0].trim().split("\\s+"));
    List<ValueType> params = left.subList(1, left.size()).stream().map(HostCatalog::valueType).toList();
    List<ValueType> results = Arrays.stream(sides[1].trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).map(HostCatalog::valueType).toList();
    types.put(key(module, left.get(0)), HostFunctionType.of(module, left.get(0), params, results));
  }

  private static ValueType valueType(String name) {
    return ValueType.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
