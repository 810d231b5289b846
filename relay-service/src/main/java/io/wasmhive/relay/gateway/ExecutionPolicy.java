package io.wasmhive.relay.gateway;

/**
 * The resource policy of one execution, after validation against the server's maxima.
 *
 * @param maxMemory bytes of linear memory
 * @param maxGas instrumented gas units
 * @param maxTimeMs wall-clock milliseconds
 */
public record ExecutionPolicy(long maxMemory, long maxGas, long maxTimeMs) {
}
