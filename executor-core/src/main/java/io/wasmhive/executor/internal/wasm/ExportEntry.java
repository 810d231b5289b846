package io.wasmhive.executor.internal.wasm;

/**
 * One export: {@code index} is in the index space of its kind (imports first). {@code signature} is
 * set for functions whose type uses only number types, else null.
 */
public record ExportEntry(String name, ExternKind kind, int index, FuncSignature signature) {
}
