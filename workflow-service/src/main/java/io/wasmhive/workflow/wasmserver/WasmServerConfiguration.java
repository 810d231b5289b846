package io.wasmhive.workflow.wasmserver;

import io.wasmhive.workflow.chain.ReadOnlyRpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where {@code /wasm/run}'s guests send JSON-RPC: the configured chains, read-only, or nowhere. A fallback: a
 * {@link WasmServerRpc} bean of a deployment's (or a test's) own wins.
 */
@Configuration(proxyBeanMethods = false)
class WasmServerConfiguration {

  @Bean
  @Fallback
  WasmServerRpc wasmServerRpc(ReadOnlyRpc chains, JsonMapper mapper) {
    return ChainWasmServerRpc.of(chains).orElseGet(() -> new NoChainRpc(mapper));
  }
}
