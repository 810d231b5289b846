package io.wasmhive.workflow.wasmserver;

import io.wasmhive.executor.RpcHandler;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * {@code /wasm/run}'s guests read the chain as the simulator's do: each run gets its own read-only chain session
 * (allow-listed methods, one pinned block per chain, the call budget), whose default chain — for a request without
 * the non-standard {@code chainId} member — is the first configured of the simulator's list (1, 11155111, 84532,
 * 8453), else the lowest configured chain id.
 */
final class ChainWasmServerRpc implements WasmServerRpc {

  /** The simulator's order of default chains ({@code RPC_URL_1}, {@code RPC_URL_11155111}, …). */
  static final List<Long> SIMULATOR_DEFAULTS = List.of(1L, 11_155_111L, 84_532L, 8_453L);

  private final ReadOnlyRpc chains;
  private final long defaultChain;

  private ChainWasmServerRpc(ReadOnlyRpc chains, long defaultChain) {
    this.chains = chains;
    this.defaultChain = defaultChain;
  }

  /** The chain access of {@code /wasm/run}, or empty when no chain endpoint is configured. */
  static Optional<WasmServerRpc> of(ReadOnlyRpc chains) {
    return defaultChain(chains.endpoints().chainIds()).map(chain -> new ChainWasmServerRpc(chains, chain));
  }

  static Optional<Long> defaultChain(SortedSet<Long> configured) {
    return SIMULATOR_DEFAULTS.stream().filter(configured::contains).findFirst()
        .or(() -> configured.isEmpty() ? Optional.empty() : Optional.of(configured.first()));
  }

  @Override
  public RpcHandler forRun(String jobId) {
    return chains.openSession(defaultChain);
  }
}
