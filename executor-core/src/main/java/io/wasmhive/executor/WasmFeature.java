package io.wasmhive.executor;

import java.util.EnumSet;
import java.util.Set;

/**
 * WebAssembly proposals a module may use beyond the MVP. The default set excludes SIMD, threads,
 * reference types, exceptions and tail calls: the bundled Wasmtime 7 no longer gets security fixes
 * (for example CVE-2026-34944, a SIMD {@code f64x2.splat} miscompile), so its riskiest parts stay off.
 */
public enum WasmFeature {
    MUTABLE_GLOBALS, SIGN_EXTENSION, SATURATING_FLOAT_TO_INT, MULTI_VALUE, BULK_MEMORY,
    SIMD, THREADS, REFERENCE_TYPES, EXCEPTIONS, TAIL_CALLS, MULTI_MEMORY, MEMORY64;

    /** MVP plus mutable-globals, sign-extension, non-trapping float-to-int, multi-value and bulk-memory. */
    public static Set<WasmFeature> defaults() {
        return EnumSet.of(MUTABLE_GLOBALS, SIGN_EXTENSION, SATURATING_FLOAT_TO_INT, MULTI_VALUE, BULK_MEMORY);
    }
}
