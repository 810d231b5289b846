package io.wasmhive.executor.internal.wasm;

import java.util.OptionalLong;

/** A table: its element type ({@code 0x70} funcref or {@code 0x6F} externref) and limits in elements. */
public record TableInfo(byte refType, long min, OptionalLong max, boolean imported) {
}
