package io.wasmhive.workflow.wasm;

/**
 * The Ditto simulator's verdict strings for a run that did not produce a result (its {@code runWasmtimeOnce}),
 * in the one place they are written. Callers match them exactly, so they never change.
 */
public final class Verdicts {

  /** Either stream passed its ceiling (the simulator SIGKILLs the process). */
  public static final String OUTPUT_LIMIT = "killed: stdout/stderr size limit exceeded";
  /** Standard output was empty or only whitespace. */
  public static final String EMPTY_STDOUT = "empty stdout";
  /** No non-empty line (unreachable after the trim, kept as the simulator has it). */
  public static final String NO_JSON_LINE = "no JSON line in stdout";
  /** Prefix of the first non-empty line's parse failure; the detail follows. */
  public static final String NOT_JSON_PREFIX = "stdout is not JSON: ";

  private Verdicts() {
  }

  /** The wall-clock limit ended the run; {@code timeoutMs} is the clamped value the run had. */
  public static String timeout(long timeoutMs) {
    return "timeout after " + timeoutMs + "ms";
  }

  /** The guest exited with a non-zero WASI status. */
  public static String exitCode(int code) {
    return "exit code " + code;
  }
}
