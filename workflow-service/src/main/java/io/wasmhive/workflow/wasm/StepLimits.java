package io.wasmhive.workflow.wasm;

/**
 * What one step asks for: its timeout and output ceilings. {@link WasmStepRunner} clamps each to
 * {@link WasmStepProperties}; {@code null} means "the server's" (the default timeout, the maximum output).
 *
 * @param timeoutMs wall-clock milliseconds; values below 1 become 1
 * @param maxStdoutBytes bytes of stdout; negative values become 0
 * @param maxStderrBytes bytes of stderr; negative values become 0
 */
public record StepLimits(Long timeoutMs, Long maxStdoutBytes, Long maxStderrBytes) {

  /** Everything the server's. */
  public static final StepLimits DEFAULTS = new StepLimits(null, null, null);

  /** A timeout and the server's output ceilings. */
  public static StepLimits timeout(long timeoutMs) {
    return new StepLimits(timeoutMs, null, null);
  }
}
