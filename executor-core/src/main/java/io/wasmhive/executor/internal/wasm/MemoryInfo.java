package io.wasmhive.executor.internal.wasm;

import java.util.OptionalLong;

/** Limits of a memory in 64 KiB pages; {@code imported} when the host must supply it. */
public record MemoryInfo(long minPages, OptionalLong maxPages, boolean imported, boolean shared, boolean memory64) {
}
