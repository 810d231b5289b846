package io.wasmhive.workflow.wasmserver;

import io.wasmhive.workflow.chain.ReadOnlyRpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Where {@code /wasm/run}'s guests send JSON-RPC: the configured chains, read-only, or nowhere. */
@Configuration(proxyBeanMethods = false)
class WasmServerConfiguration {

  @Bean
  WasmServerRpc wasmServerRpc(ReadOnlyRpc chains, JsonMapper mapper) {
    return ChainWasmServerRpc.of(chains).orElseGet(() -> new NoChainRpc(mapper));
  }
}
