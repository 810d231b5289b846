package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.HostFunctionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution's host interface: its stdio, virtual filesystem, clocks, randomness, RPC bridge and database, and
 * the host functions bound to them. Create one per execution; it is not thread-safe and is used only on
 * the thread that runs the guest. Nothing it does reaches the host's filesystem, network or environment.
 */
public final class HostEnvironment {

  private final OutputSink stdout;
  private final OutputSink stderr;
  private final Map<String, HostFunction> functions;

  /**
   * Builds the environment, whose RPC handlers run on {@code rpcCalls} (the executor's); fails with
   * {@link io.wasmhive.executor.InvalidTaskException} if the files do not fit.
   */
  public HostEnvironment(HostSettings settings, RpcCalls rpcCalls) {
    stdout = new OutputSink("stdout", settings.maxOutputBytes());
    stderr = new OutputSink("stderr", settings.maxOutputBytes());
    VirtualFileSystem fs = VirtualFileSystem.of(settings.files());
    FdTable fds = new FdTable(new StdinSource(settings.stdin()), stdout, stderr, fs.root());
    RpcDispatcher dispatcher = new RpcDispatcher(settings.rpcHandler(), settings.deadlineNanos(), rpcCalls);
    byte[] seed = ExecutionSeed.of(settings.executionId());
    HostClock clock = settings.deterministic()
        ? new VirtualHostClock(seed)
        : new SystemHostClock(settings.deadlineNanos());
    RandomSource random = settings.deterministic() ? new SeededRandomSource(seed) : RandomSource.secure();

    FunctionTable table = new FunctionTable();
    new WasiProcess(settings.args(), settings.env()).register(table);
    new WasiClocks(clock, random).register(table);
    new WasiPoll(clock, fds).register(table);
    new WasiStreams(fds).register(table);
    new WasiFds(fds, new FileRpcBridge(fs, dispatcher)).register(table);
    new WasiPaths(fds, fs).register(table);
    new WasiDirectories(fds, fs).register(table);
    new HostRpc(dispatcher, settings.progressListener()).register(table);
    new HostDb(settings.database(), settings.deadlineNanos(), settings.maxOutputBytes()).register(table);
    new AssemblyScriptEnv(stderr, seed).register(table);
    functions = table.complete();
  }

  /**
   * The catalog: the signature of an import the host offers, for checking a module's imports when it is
   * registered. Covers all of WASI preview1 (unimplemented calls answer ENOSYS), the {@code host} and {@code db} modules and
   * AssemblyScript's {@code env.abort}, {@code env.seed} and {@code env.trace}.
   */
  public static Optional<HostFunctionType> lookup(String module, String name) {
    return HostCatalog.lookup(module, name);
  }

  /**
   * The imports most guests use (wasi-libc's and Rust's start-up and stdio, clocks, randomness and
   * {@code host.rpc_call}): what a worker prepares before its first execution.
   */
  public static List<HostFunctionType> commonImports() {
    return COMMON.stream().map(name -> name.split("\\.", 2))
        .map(parts -> HostCatalog.lookup(parts[0], parts[1]).orElseThrow())
        .toList();
  }

  private static final List<String> COMMON = List.of(
      "wasi_snapshot_preview1.fd_write", "wasi_snapshot_preview1.fd_read", "wasi_snapshot_preview1.fd_close",
      "wasi_snapshot_preview1.fd_seek", "wasi_snapshot_preview1.fd_fdstat_get", "wasi_snapshot_preview1.proc_exit",
      "wasi_snapshot_preview1.environ_get", "wasi_snapshot_preview1.environ_sizes_get",
      "wasi_snapshot_preview1.args_get", "wasi_snapshot_preview1.args_sizes_get",
      "wasi_snapshot_preview1.clock_time_get", "wasi_snapshot_preview1.random_get", "host.rpc_call");

  /** The function bound to this execution; {@link IllegalArgumentException} if the catalog lacks it. */
  public HostFunction function(String module, String name) {
    HostFunction function = functions.get(HostCatalog.key(module, name));
    if (function == null) {
      throw new IllegalArgumentException("the host offers no import " + module + "." + name);
    }
    return function;
  }

  /** What the guest wrote to stdout, at most {@code maxOutputBytes}. */
  public byte[] stdout() {
    return stdout.bytes();
  }

  /** What the guest wrote to stderr, at most {@code maxOutputBytes}. */
  public byte[] stderr() {
    return stderr.bytes();
  }
}
