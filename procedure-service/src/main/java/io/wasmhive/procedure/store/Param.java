package io.wasmhive.procedure.store;

/** A declared parameter of a procedure. */
public record Param(String name, DataType dataType) {
}
