package io.wasmhive.workflow.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The seed's whitelist variables bind to {@code workflow.wasm-whitelist.*}; the whitelist is off by default. */
class WhitelistVariablesTest {

  private static WasmWhitelistProperties bind(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
    new WhitelistVariables().postProcessEnvironment(environment, new SpringApplication());
    return Binder.get(environment).bindOrCreate("workflow.wasm-whitelist", WasmWhitelistProperties.class);
  }

  @Test
  void theSeedsVariablesTurnTheWhitelistOnWithACommaSeparatedList() {
    WasmWhitelistProperties properties = bind(Map.of("WASM_WHITELIST_ENABLED", "true",
        "WASM_WHITELIST_ADDRESSES", " 0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266 ,0xabc,, "));

    assertThat(properties.enabled()).isTrue();
    assertThat(properties.addresses()).containsExactly("0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266", "0xabc");
    WasmWhitelist whitelist = new WasmWhitelist(properties, null);
    assertThat(whitelist.allows("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).isTrue();
    assertThat(whitelist.allows("0xABC")).isTrue();
  }

  @Test
  void withoutTheVariablesTheWhitelistIsOffAndAllowsEveryOwner() {
    WasmWhitelistProperties properties = bind(Map.of());

    assertThat(properties.enabled()).isFalse();
    assertThat(properties.addresses()).isEqualTo(List.of());
    // Off, the whitelist asks nothing of MongoDB: it has none here.
    assertThat(new WasmWhitelist(properties, null).allows("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).isTrue();
  }
}
