package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated and corrupted corpus modules: the parser and the instrumenter may only ever answer with
 * the two module exceptions, never a runtime error of their own (the "defect" wrapping counts as one).
 */
class WasmParserFuzzTest {

    private static final long SEED = 20_240_229L;

    private static List<byte[]> corpus() {
        List<Path> paths = Corpus.modules();
        assumeTrue(!paths.isEmpty(), "guest corpus not built");
        return paths.stream().map(Corpus::read).filter(InstrumenterTest::isValid).toList();
    }

    @Test
    void truncatedModulesAreInvalid() {
        for (byte[] module : corpus()) {
            int step = Math.max(1, module.length / 300);
            for (int cut = 0; cut < module.length; cut += step) {
                byte[] truncated = Arrays.copyOf(module, cut);
                Throwable thrown = attempt(truncated);
                // A cut at a section boundary leaves a valid module; anywhere else it must be invalid.
                if (thrown != null) {
                    assertThat(thrown).isInstanceOfAny(InvalidModuleException.class, DisallowedFeatureException.class);
                }
            }
        }
    }

    @Test
    void corruptedModulesOnlyRaiseModuleExceptions() {
        Random random = new Random(SEED);
        for (byte[] module : corpus()) {
            for (int round = 0; round < 300; round++) {
                byte[] corrupted = module.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = 8 + random.nextInt(corrupted.length - 8);
                    corrupted[at] = random.nextBoolean() ? (byte) random.nextInt(256)
                            : (byte) (corrupted[at] ^ (1 << random.nextInt(8)));
                }
                attempt(corrupted);
            }
        }
    }

    @Test
    void randomBytesAfterAValidHeaderAreRejected() {
        Random random = new Random(SEED);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[8 + random.nextInt(200)];
            random.nextBytes(bytes);
            System.arraycopy(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 0, bytes, 0, 8);
            attempt(bytes);
        }
    }

    /** Parses and, if that succeeds, instruments; returns the module exception thrown, if any. */
    private static Throwable attempt(byte[] bytes) {
        try {
            ParsedModule parsed = WasmParser.parse(bytes, EnumSet.allOf(WasmFeature.class));
            Instrumenter.instrument(bytes, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE);
            return null;
        } catch (InvalidModuleException | DisallowedFeatureException e) {
            assertThat(e.getCause()).as("defect: %s", e.getMessage()).isNull();
            return e;
        }
    }
}
