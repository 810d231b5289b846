package io.wasmhive.executor.internal.wasm;

/**
 * One import. {@code signature} is set for functions whose type uses only number types, else null
 * (non-function imports, or functions taking v128 or references).
 */
public record ImportEntry(String module, String name, ExternKind kind, FuncSignature signature) {
}
