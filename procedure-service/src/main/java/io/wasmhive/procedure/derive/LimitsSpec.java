package io.wasmhive.procedure.derive;

/**
 * Per-message limits as a client asks for them; {@code null} fields take the defaults.
 *
 * @param maxGas gas
 * @param maxTimeMs wall-clock milliseconds
 * @param maxMemory bytes of linear memory
 * @param maxDbBytes bytes of canonical dump
 */
public record LimitsSpec(Long maxGas, Long maxTimeMs, Long maxMemory, Long maxDbBytes) {
}
