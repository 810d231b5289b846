package io.wasmhive.executor.internal.wasm;

/** What an import or export refers to. {@code TAG} is an exception tag (exceptions proposal). */
public enum ExternKind {
  FUNC, TABLE, MEMORY, GLOBAL, TAG
}
