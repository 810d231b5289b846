package io.wasmhive.executor.internal.wasm;

import java.util.List;

/**
 * Writes each extended constant expression of a module ({@link ParsedModule#folds}) as the one constant it
 * evaluates to: the form Wasmtime 7 can parse. Used by the instrumenter, and alone to run a module uninstrumented.
 */
public final class ConstantFolding {

  private ConstantFolding() {
  }

  /** {@code original} with every extended constant expression folded; {@code original} itself if it has none. */
  public static byte[] fold(byte[] original, ParsedModule parsed) {
    if (parsed.folds.isEmpty()) {
      return original;
    }
    ByteSink out = new ByteSink(original.length + 64);
    out.bytes(original, 0, 8);
    for (Section s : parsed.sections) {
      if (!contains(parsed.folds, s.payloadStart(), s.end())) {
        out.bytes(original, s.start(), s.end() - s.start());
        continue;
      }
      ByteSink payload = new ByteSink(s.end() - s.payloadStart() + 16);
      copy(payload, original, parsed.folds, s.payloadStart(), s.end());
      out.section(s.id(), payload);
    }
    return out.toArray();
  }

  /** Whether an extended constant expression lies in {@code [from, to)}. */
  static boolean contains(List<long[]> folds, int from, int to) {
    for (long[] f : folds) {
      if (f[0] >= from && f[1] <= to) {
        return true;
      }
    }
    return false;
  }

  /** Copies {@code module[from, to)} to {@code out}, writing each extended constant expression in it as one constant. */
  static void copy(ByteSink out, byte[] module, List<long[]> folds, int from, int to) {
    int cursor = from;
    for (long[] f : folds) {
      if (f[0] >= from && f[1] <= to) {
        out.bytes(module, cursor, (int) f[0] - cursor);
        out.u8(f[2] == ValTypes.I32 ? 0x41 : 0x42);
        out.s64(f[3]);
        out.u8(0x0B);
        cursor = (int) f[1];
      }
    }
    out.bytes(module, cursor, to - cursor);
  }
}
