package io.wasmhive.workflow.whitelist;

import io.wasmhive.platform.environment.VariableAliases;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The seed's whitelist variables, whose names are not their properties': {@code WASM_WHITELIST_ENABLED} →
 * {@code workflow.wasm-whitelist.enabled}, {@code WASM_WHITELIST_ADDRESSES} → {@code
 * workflow.wasm-whitelist.addresses}. Set, they rank just below the system environment.
 */
public class WhitelistVariables implements EnvironmentPostProcessor {

  /** The name of the property source the variables go to. */
  public static final String PROPERTY_SOURCE_NAME = "workflowWhitelistVariables";

  static final Map<String, String> ALIASES = Map.of(
      "WASM_WHITELIST_ENABLED", "workflow.wasm-whitelist.enabled",
      "WASM_WHITELIST_ADDRESSES", "workflow.wasm-whitelist.addresses");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    VariableAliases.add(environment, PROPERTY_SOURCE_NAME, ALIASES, VariableAliases.Rank.BELOW_SYSTEM_ENVIRONMENT);
  }
}
