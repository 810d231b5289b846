package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.Guests;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The NaN-canonicalising rewrite on its own: what it changes, that the result validates, what it refuses. */
class NanCanonicalizerTest {

  private static final Set<WasmFeature> DEFAULTS = WasmFeature.defaults();

  @Test
  void aModuleWithoutFloatArithmeticComesBackUnchanged() {
    byte[] add = Guests.bytes("wat-add.wasm");
    assertThat(NanCanonicalizer.rewrite(add, DEFAULTS)).isSameAs(add);
  }

  @Test
  void theRewrittenModuleIsValidKeepsItsInterfaceAndGrowsByTheCanonicalisations() {
    byte[] original = Guests.bytes("wat-nan.wasm");
    byte[] rewritten = NanCanonicalizer.rewrite(original, DEFAULTS);
    assertThat(rewritten).isNotEqualTo(original);
    // The project's own validator (types, stack, locals) accepts it, with the same exports.
    ParsedModule before = WasmParser.parse(original, DEFAULTS);
    ParsedModule after = WasmParser.parse(rewritten, DEFAULTS);
    assertThat(after.exports().keySet()).containsExactlyElementsOf(before.exports().keySet());
    assertThat(after.definedFunctionCount()).isEqualTo(before.definedFunctionCount());
    // 22 canonicalised instructions of 13 bytes or more each, 6 sign-bit rewrites, 4 locals in 29 bodies.
    assertThat(rewritten.length - original.length).isGreaterThan(22 * 13);
    // Rewriting twice canonicalises twice but stays valid.
    WasmParser.parse(NanCanonicalizer.rewrite(rewritten, DEFAULTS), DEFAULTS);
  }

  @Test
  void instrumentedModulesWithFloatsAreRewrittenToo() {
    byte[] original = Guests.bytes("c-add.wasm");
    byte[] instrumented = Instrumenter.instrument(original, WasmParser.parse(original, DEFAULTS), GasCosts.defaults(),
        Instrumenter.Caps.NONE);
    byte[] rewritten = NanCanonicalizer.rewrite(instrumented, DEFAULTS);
    assertThat(rewritten.length).isGreaterThan(instrumented.length);
  }

  @Test
  void simdIsRefusedAndGarbageIsInvalid() {
    assertThatThrownBy(() -> NanCanonicalizer.rewrite(Guests.bytes("hostile-simd.wasm"), DEFAULTS))
        .isInstanceOf(DisallowedFeatureException.class).hasMessageContaining("SIMD");
    assertThatThrownBy(() -> NanCanonicalizer.rewrite(Guests.bytes("not-wasm.bin"), DEFAULTS))
        .isInstanceOf(InvalidModuleException.class);
    assertThatThrownBy(() -> NanCanonicalizer.rewrite(new byte[0], DEFAULTS)).isInstanceOf(InvalidModuleException.class);
  }
}
