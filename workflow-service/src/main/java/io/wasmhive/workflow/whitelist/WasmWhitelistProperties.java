package io.wasmhive.workflow.whitelist;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The owner whitelist ({@code workflow.wasm-whitelist.*}; the seed's {@code WASM_WHITELIST_ENABLED} and
 * {@code WASM_WHITELIST_ADDRESSES} map to it, see {@link WhitelistVariables}).
 *
 * @param enabled whether only whitelisted owners get their WebAssembly steps run (off by default)
 * @param addresses owners whitelisted by configuration, any case (a comma-separated list in a variable)
 */
@ConfigurationProperties("workflow.wasm-whitelist")
public record WasmWhitelistProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<String> addresses) {

  public WasmWhitelistProperties {
    addresses = addresses == null ? List.of() : addresses.stream().map(String::strip).filter(a -> !a.isEmpty())
        .toList();
  }
}
