package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.util.Set;

/**
 * Rewrites function bodies so that an engine without NaN canonicalisation computes the bits Wasmtime computes with
 * {@code craneliftNanCanonicalization(true)}: after every float instruction Cranelift canonicalises ({@link
 * NanOps#CANONICALISED}) a NaN result is replaced by the canonical quiet NaN ({@code 0x7fc00000} or {@code
 * 0x7ff8000000000000}), and {@code abs}, {@code neg} and {@code copysign}, which must keep a NaN's payload, become
 * integer bit operations so the JVM's float arithmetic cannot touch it; {@code f32.convert_i64_u} and
 * {@code f64.convert_i64_u} become signed conversions that round as Wasmtime does (Chicory 1.7.5 rounds values with the
 * top bit set upwards). The added instructions use up to four
 * appended locals and are not metered: run after the {@link Instrumenter}, so gas is unchanged. Also checks that
 * the bodies use only {@code runnable} proposals. Stateless and thread-safe; does not block.
 */
public final class NanCanonicalizer {

  private NanCanonicalizer() {
  }

  /**
   * Returns the rewritten module (the same array if nothing needed rewriting).
   *
   * @throws InvalidModuleException if the bytes are not a module this can read
   * @throws DisallowedFeatureException if a body uses a proposal outside {@code runnable}
   */
  public static byte[] rewrite(byte[] module, Set<WasmFeature> runnable) {
    try {
      ModuleLayout layout = ModuleLayout.read(module, runnable);
      if (layout.codeStart < 0) {
        return module;
      }
      return new NanBodies(module, layout, runnable).module();
    } catch (IndexOutOfBoundsException | NegativeArraySizeException | ArithmeticException | IllegalStateException e) {
      throw new InvalidModuleException("malformed module: " + e.getMessage(), e);
    }
  }
}
