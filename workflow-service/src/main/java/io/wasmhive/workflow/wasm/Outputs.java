package io.wasmhive.workflow.wasm;

import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.OutputLimitException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two output ceilings of a step. The executor has one {@code max_output} for both streams, set to the larger
 * ceiling; the smaller one is checked here once the guest has stopped.
 */
final class Outputs {

  private Outputs() {
  }

  /** Whether either stream passed its ceiling (strictly more bytes, as the simulator counts). */
  static boolean overLimit(ExecutionResult r, long maxStdout, long maxStderr) {
    return r.error() instanceof OutputLimitException || r.stdout().length > maxStdout || r.stderr().length > maxStderr;
  }

  /** At most {@code max} bytes of a stream as UTF-8 text (malformed sequences become U+FFFD). */
  static String text(byte[] bytes, long max) {
    byte[] kept = bytes.length > max ? Arrays.copyOf(bytes, (int) max) : bytes;
    return new String(kept, StandardCharsets.UTF_8);
  }
}
