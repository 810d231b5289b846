package io.wasmhive.procedure.store;

/**
 * The limits every call of a procedure runs under, resolved at creation (never 0).
 *
 * @param maxMemory bytes of linear memory
 * @param maxTimeMs wall-clock milliseconds
 * @param maxGas units of gas
 */
public record Limits(long maxMemory, long maxTimeMs, long maxGas) {
}
