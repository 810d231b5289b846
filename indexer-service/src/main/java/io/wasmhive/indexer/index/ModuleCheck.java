package io.wasmhive.indexer.index;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ModuleValidator;
import io.wasmhive.executor.WasmFeature;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Validates a module before it is stored, with the proposals the executors allow ({@code WASM_FEATURES}, read
 * through Spring's environment like the executors' other {@code WASM_*} settings): a module no executor would run
 * is refused when it arrives, not when someone first runs it. Thread-safe.
 */
@Component
public class ModuleCheck {

  private final Set<WasmFeature> features;

  ModuleCheck(Environment environment) {
    this.features = WasmFeature.parse(environment.getProperty("WASM_FEATURES"));
  }

  /**
   * Returns null if {@code bytes} is a valid module, else why not (the executor's message: what, where, offset).
   * Linear in the module's size; does not block.
   */
  public String problem(byte[] bytes) {
    try {
      ModuleValidator.validate(bytes, features);
      return null;
    } catch (ExecutorException e) {
      return e.kind() + ": " + e.getMessage();
    }
  }
}
