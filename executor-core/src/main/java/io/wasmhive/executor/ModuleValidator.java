package io.wasmhive.executor;

import java.util.Set;

/**
 * Validates module bytes without compiling them, as registration does before anything else: the binary
 * format, the structure caps, every index, every instruction's operand types, and the proposals
 * {@code features} allows. For services that store modules for others to run (the indexer), so that an
 * invalid module is refused when it arrives instead of when it is first run. Stateless and thread-safe.
 */
public final class ModuleValidator {

  private ModuleValidator() {
  }

  /**
   * Returns normally if {@code bytes} is a valid module using only {@code features}. Does not block; the
   * work is linear in the module's size.
   *
   * @throws InvalidModuleException naming what is invalid, where and at which offset
   * @throws DisallowedFeatureException naming the proposal used, where, and that it is off
   */
  public static void validate(byte[] bytes, Set<WasmFeature> features) {
    ExecutorProvider.installed().validate(bytes, features);
  }
}
