package io.wasmhive.executor.internal.chicory;

import java.io.ByteArrayOutputStream;

/**
 * Modules with one exported {@code run()} function too large for one JVM method (Chicory's compiler leaves it to
 * its interpreter): padded with {@code i32.const 1; drop} pairs, then an infinite loop or a call to itself.
 */
final class HugeFunctions {

  private static final int PADDING = 40_000;

  private HugeFunctions() {
  }

  /** {@code run()} loops forever. */
  static byte[] loop() {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.write(0x03);
    code.write(0x40);
    pad(code);
    code.write(0x0C);
    code.write(0x00);
    code.write(0x0B);
    return module(code);
  }

  /** {@code run()} calls itself forever. */
  static byte[] recursion() {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    pad(code);
    code.write(0x10);
    code.write(0x00);
    return module(code);
  }

  private static void pad(ByteArrayOutputStream code) {
    for (int i = 0; i < PADDING; i++) {
      code.write(0x41);
      code.write(0x01);
      code.write(0x1A);
    }
  }

  private static byte[] module(ByteArrayOutputStream instructions) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(0x00);
    body.writeBytes(instructions.toByteArray());
    body.write(0x0B);
    ByteArrayOutputStream codeSection = new ByteArrayOutputStream();
    codeSection.write(0x01);
    leb(codeSection, body.size());
    codeSection.writeBytes(body.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    out.writeBytes(new byte[] {0x01, 0x04, 0x01, 0x60, 0x00, 0x00});
    out.writeBytes(new byte[] {0x03, 0x02, 0x01, 0x00});
    out.writeBytes(new byte[] {0x07, 0x07, 0x01, 0x03, 'r', 'u', 'n', 0x00, 0x00});
    out.write(0x0A);
    leb(out, codeSection.size());
    out.writeBytes(codeSection.toByteArray());
    return out.toByteArray();
  }

  private static void leb(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7F;
      value >>>= 7;
      out.write(value == 0 ? b : b | 0x80);
    } while (value != 0);
  }
}
