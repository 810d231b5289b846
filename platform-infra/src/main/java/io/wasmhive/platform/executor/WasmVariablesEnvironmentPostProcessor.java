package io.wasmhive.platform.executor;

import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.platform.environment.VariableAliases;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Keeps seed 004's variable names working wherever a service reads them from: an environment variable, a system
 * property or a {@code --WASM_MAX_WORKERS=4} argument named {@code WASM_MAX_WORKERS} sets {@code wasm.max-workers}
 * of {@link WasmExecutorProperties}, and so on for every name in {@link ExecutorOptions#VARIABLES}. The mapped
 * values (each read with the environment's own precedence, so {@code --WASM_MAX_WORKERS=4} beats the variable)
 * rank just above the system environment: above it, because Spring reads {@code wasm.max-workers} from the
 * variable {@code WASM_MAX_WORKERS} by itself and would otherwise let the variable beat the argument; below the
 * system properties and the command line, so that {@code wasm.*} names given there still win. Does nothing in a
 * service without executor-core.
 */
public class WasmVariablesEnvironmentPostProcessor implements EnvironmentPostProcessor {

  /** The name of the property source this post-processor adds. */
  public static final String PROPERTY_SOURCE_NAME = "wasmhiveExecutorVariables";

  private static final String EXECUTOR_OPTIONS = "io.wasmhive.executor.ExecutorOptions";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!ClassUtils.isPresent(EXECUTOR_OPTIONS, getClass().getClassLoader())) {
      return;
    }
    VariableAliases.add(environment, PROPERTY_SOURCE_NAME, Variables.aliases(),
        VariableAliases.Rank.ABOVE_SYSTEM_ENVIRONMENT);
  }

  /** Touches executor-core only when it is there: a class of its own is loaded only when first used. */
  private static final class Variables {

    static Map<String, String> aliases() {
      Map<String, String> aliases = new LinkedHashMap<>();
      ExecutorOptions.VARIABLES.forEach(variable -> aliases.put(variable, propertyName(variable)));
      return aliases;
    }
  }

  /** {@code WASM_MAX_WORKERS} → {@code wasm.max-workers}. */
  static String propertyName(String variable) {
    return "wasm." + variable.substring("WASM_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
