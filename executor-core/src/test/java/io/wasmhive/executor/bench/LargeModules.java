package io.wasmhive.executor.bench;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Generates a valid module of roughly a given size, almost all of it code: many functions of
 * {@code (i32, i32) -> i32} with locals, constants, memory loads, blocks with branches, ifs and calls to
 * earlier functions, so that validating, instrumenting and compiling it do the work a large real module
 * causes. Deterministic for a seed.
 */
public final class LargeModules {

  private LargeModules() {
  }

  public static byte[] generate(int targetBytes, long seed) {
    Random random = new Random(seed);
    ByteArrayOutputStream code = new ByteArrayOutputStream(targetBytes + 4096);
    int functions = 0;
    while (code.size() < targetBytes) {
      byte[] body = body(random, functions);
      leb(code, body.length);
      code.writeBytes(body);
      functions++;
    }
    ByteArrayOutputStream m = new ByteArrayOutputStream(code.size() + functions + 64);
    m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    section(m, 1, new byte[] {1, 0x60, 2, 0x7F, 0x7F, 1, 0x7F});
    ByteArrayOutputStream funcs = new ByteArrayOutputStream();
    leb(funcs, functions);
    for (int i = 0; i < functions; i++) {
      funcs.write(0);
    }
    section(m, 3, funcs.toByteArray());
    section(m, 5, new byte[] {1, 0, 1});
    ByteArrayOutputStream exports = new ByteArrayOutputStream();
    exports.writeBytes(new byte[] {1, 1, 'f', 0});
    leb(exports, functions - 1);
    section(m, 7, exports.toByteArray());
    ByteArrayOutputStream codeSection = new ByteArrayOutputStream(code.size() + 8);
    leb(codeSection, functions);
    codeSection.writeBytes(code.toByteArray());
    section(m, 10, codeSection.toByteArray());
    return m.toByteArray();
  }

  /** One body: four i32 locals; the value on the stack is transformed by 50 to 200 random steps. */
  private static byte[] body(Random random, int earlier) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(512);
    b.writeBytes(new byte[] {1, 4, 0x7F, 0x20, 0});
    int steps = 50 + random.nextInt(151);
    for (int k = 0; k < steps; k++) {
      double r = random.nextDouble();
      if (r < 0.3) {
        b.writeBytes(new byte[] {0x20, (byte) random.nextInt(6), 0x6A});
      } else if (r < 0.45) {
        b.write(0x41);
        sleb(b, random.nextInt(10_001) - 5000);
        b.write(0x6C);
      } else if (r < 0.55) {
        b.writeBytes(new byte[] {0x22, (byte) (2 + random.nextInt(4))});
      } else if (r < 0.65) {
        b.writeBytes(new byte[] {0x41, 0, 0x28, 2});
        leb(b, random.nextInt(1000));
        b.write(0x73);
      } else if (r < 0.75) {
        b.writeBytes(new byte[] {0x02, 0x7F, 0x41, 7, 0x20, 1, 0x0D, 0, 0x0B, 0x6A});
      } else if (r < 0.85 && earlier > 0) {
        b.writeBytes(new byte[] {0x20, 1, 0x10});
        leb(b, random.nextInt(earlier));
      } else {
        b.writeBytes(new byte[] {0x20, 1, 0x04, 0x7F, 0x41, 1, 0x05, 0x41, 2, 0x0B, 0x6A});
      }
    }
    b.write(0x0B);
    return b.toByteArray();
  }

  private static void section(ByteArrayOutputStream m, int id, byte[] payload) {
    m.write(id);
    leb(m, payload.length);
    m.writeBytes(payload);
  }

  private static void leb(ByteArrayOutputStream out, long v) {
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v == 0 ? b : b | 0x80);
    } while (v != 0);
  }

  private static void sleb(ByteArrayOutputStream out, long v) {
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
      out.write(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }
}
