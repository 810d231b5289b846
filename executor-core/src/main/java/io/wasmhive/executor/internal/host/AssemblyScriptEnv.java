package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.engine.HostCall;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The {@code env} imports AssemblyScript's default output uses, so that its modules run unchanged:
 * <ul>
 *   <li>{@code abort(message, fileName, line, column)} ends the execution as a {@code TRAP} with code
 *       {@code abort} and the message {@code abort: <message> at <fileName>:<line>:<column>};</li>
 *   <li>{@code seed() -> f64} (what {@code Math.random} is seeded with) returns an integer-valued f64 in
 *       [1, 2<sup>53</sup>) derived from the execution seed: the same execution id gives the same value, in
 *       deterministic and normal executions alike (it is not a secret; {@code random_get} is the entropy source);</li>
 *   <li>{@code trace(message, n, a0, ..., a4)} writes {@code trace: <message> <a0>, ..., <a(n-1)>} and a newline to
 *       stderr, under {@code max_output} like any other write, numbers formatted as JavaScript prints them.</li>
 * </ul>
 * Strings are read by {@link AssemblyScriptStrings}, bounded. Bound to one execution; not thread-safe.
 */
final class AssemblyScriptEnv {

  static final String ABORT_CODE = "abort";

  private static final int MAX_TRACE_VALUES = 5;

  private final OutputSink stderr;
  private final long seedBits;

  AssemblyScriptEnv(OutputSink stderr, byte[] executionSeed) {
    this.stderr = stderr;
    this.seedBits = Double.doubleToRawLongBits(seedOf(executionSeed));
  }

  void register(FunctionTable table) {
    table.plain(HostCatalog.ENV, "abort", this::abort);
    table.plain(HostCatalog.ENV, "seed", (call, args) -> new long[] {seedBits});
    table.plain(HostCatalog.ENV, "trace", this::trace);
  }

  /** SHA-256 of the execution seed and a label of its own, so it is independent of the random_get stream. */
  static double seedOf(byte[] executionSeed) {
    byte[] label = "env.seed".getBytes(StandardCharsets.US_ASCII);
    byte[] input = new byte[executionSeed.length + label.length];
    System.arraycopy(executionSeed, 0, input, 0, executionSeed.length);
    System.arraycopy(label, 0, input, executionSeed.length, label.length);
    long bits = ExecutionSeed.longAt(ExecutionSeed.sha256(input), 0);
    return (double) ((bits >>> 11) | 1);
  }

  private long[] abort(HostCall call, long[] args) {
    String message = AssemblyScriptStrings.read(call, (int) args[0]);
    String file = AssemblyScriptStrings.read(call, (int) args[1]);
    throw new TrapException(ABORT_CODE, "abort: " + message + " at " + file + ":"
        + Integer.toUnsignedString((int) args[2]) + ":" + Integer.toUnsignedString((int) args[3]));
  }

  private long[] trace(HostCall call, long[] args) {
    StringBuilder line = new StringBuilder("trace: ").append(AssemblyScriptStrings.read(call, (int) args[0]));
    int n = Math.max(0, Math.min(MAX_TRACE_VALUES, (int) args[1]));
    for (int i = 0; i < n; i++) {
      line.append(i == 0 ? " " : ", ").append(javaScriptNumber(Double.longBitsToDouble(args[2 + i])));
    }
    stderr.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    return new long[0];
  }

  /** A number as JavaScript's {@code Number.prototype.toString} writes it: {@code 2}, {@code 1.5}, {@code 1e+21}, {@code NaN}. */
  static String javaScriptNumber(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    // value = digits x 10^(n - k) with k digits: JavaScript writes it plainly when -6 < n <= 21.
    int n = decimal.precision() - decimal.scale();
    if (n > -6 && n <= 21) {
      return decimal.toPlainString();
    }
    String digits = decimal.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int exponent = n - 1;
    return (value < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
  }
}
