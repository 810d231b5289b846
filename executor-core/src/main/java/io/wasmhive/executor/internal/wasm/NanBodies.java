package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.util.Set;

/** One {@link NanCanonicalizer} run over the code section. Not thread-safe. */
final class NanBodies {

  private static final int LOCAL_GET = 0x20, LOCAL_SET = 0x21, SELECT = 0x1B;
  private static final int F32_CONST = 0x43, F64_CONST = 0x44, F32_NE = 0x5C, F64_NE = 0x62;
  private static final int I32_CONST = 0x41, I64_CONST = 0x42, I32_AND = 0x71, I32_OR = 0x72, I32_XOR = 0x73;
  private static final int I64_AND = 0x83, I64_OR = 0x84, I64_XOR = 0x85, I64_SHR_U = 0x88, I64_LT_S = 0x53;
  private static final int F32_MUL = 0x94, F64_MUL = 0xA2, F32_CONVERT_I64_S = 0xB4, F64_CONVERT_I64_S = 0xB9;
  private static final int I32_FROM_F32 = 0xBC, I64_FROM_F64 = 0xBD, F32_FROM_I32 = 0xBE, F64_FROM_I64 = 0xBF;
  /** Appended locals, in this order: f32, f64, i32, i64. */
  private static final byte[] LOCAL_TYPES = {0x7D, 0x7C, 0x7F, 0x7E};

  private final byte[] module;
  private final ModuleLayout layout;
  private final WasmReader r;
  private final InstructionDecoder decoder;

  NanBodies(byte[] module, ModuleLayout layout, Set<WasmFeature> runnable) {
    this.module = module;
    this.layout = layout;
    this.r = new WasmReader(module);
    r.where("code section");
    this.decoder = new InstructionDecoder(r, new FeatureGate(runnable, r));
  }

  byte[] module() {
    r.pos(layout.codeStart);
    int count = r.u32();
    if (count != layout.functionParams.length) {
      throw r.error("function and code section counts differ");
    }
    ByteSink code = new ByteSink(layout.codeEnd - layout.codeStart + 1024);
    code.u32(count);
    boolean changed = false;
    for (int i = 0; i < count; i++) {
      int size = r.u32();
      int start = r.pos();
      ByteSink body = body(start, start + size, layout.functionParams[i]);
      changed |= body != null;
      if (body == null) {
        code.u32(size);
        code.bytes(module, start, size);
      } else {
        code.u32(body.size());
        code.sink(body);
      }
      r.limit(module.length);
      r.pos(start + size);
    }
    if (!changed) {
      return module;
    }
    ByteSink out = new ByteSink(module.length + code.size() - (layout.codeEnd - layout.codeStart) + 16);
    out.bytes(module, 0, layout.codeHeader);
    out.section(Section.CODE, code);
    out.bytes(module, layout.codeEnd, module.length - layout.codeEnd);
    return out.toArray();
  }

  /** The rewritten body, or null if it has no instruction to rewrite. */
  private ByteSink body(int start, int end, int params) {
    r.limit(end);
    r.pos(start);
    int groups = r.u32();
    int groupsAt = r.pos();
    long locals = params;
    for (int g = 0; g < groups; g++) {
      locals += r.u32() & 0xFFFFFFFFL;
      r.u8();
    }
    int codeAt = r.pos();
    int base = (int) Math.min(locals, Integer.MAX_VALUE);
    ByteSink code = new ByteSink(end - codeAt + 64);
    boolean changed = false;
    int cursor = codeAt;
    decoder.begin();
    while (!decoder.done()) {
      int at = r.pos();
      int key = decoder.next();
      if (key >= 256 || !rewritten(key)) {
        continue;
      }
      changed = true;
      code.bytes(module, cursor, at - cursor);
      replace(key, at, code, base);
      cursor = r.pos();
    }
    if (!changed) {
      return null;
    }
    if (locals + LOCAL_TYPES.length > StructureCaps.MAX_LOCALS) {
      throw new InvalidModuleException("a function has too many locals to canonicalise its NaNs");
    }
    code.bytes(module, cursor, end - cursor);
    ByteSink body = new ByteSink(code.size() + (codeAt - start) + 16);
    body.u32(groups + LOCAL_TYPES.length);
    body.bytes(module, groupsAt, codeAt - groupsAt);
    for (byte type : LOCAL_TYPES) {
      body.u8(1);
      body.u8(type);
    }
    body.sink(code);
    return body;
  }

  private static boolean rewritten(int key) {
    return NanOps.CANONICALISED[key] != 0 || key == NanOps.F32_ABS || key == NanOps.F32_NEG
        || key == NanOps.F32_COPYSIGN || key == NanOps.F64_ABS || key == NanOps.F64_NEG || key == NanOps.F64_COPYSIGN
        || key == NanOps.F32_CONVERT_I64_U || key == NanOps.F64_CONVERT_I64_U;
  }

  private void replace(int key, int at, ByteSink out, int base) {
    int f32 = base, f64 = base + 1, i32 = base + 2, i64 = base + 3;
    switch (key) {
      case NanOps.F32_ABS -> bits32(out, I32_AND, 0x7FFFFFFF);
      case NanOps.F32_NEG -> bits32(out, I32_XOR, 0x80000000);
      case NanOps.F64_ABS -> bits64(out, I64_AND, 0x7FFFFFFFFFFFFFFFL);
      case NanOps.F64_NEG -> bits64(out, I64_XOR, 0x8000000000000000L);
      case NanOps.F32_COPYSIGN -> {
        // [magnitude, sign] -> (bits(magnitude) & 0x7fffffff) | (bits(sign) & 0x80000000)
        out.u8(I32_FROM_F32);
        constant32(out, 0x80000000);
        out.u8(I32_AND);
        local(out, LOCAL_SET, i32);
        bits32Open(out, I32_AND, 0x7FFFFFFF);
        local(out, LOCAL_GET, i32);
        out.u8(I32_OR);
        out.u8(F32_FROM_I32);
      }
      case NanOps.F64_COPYSIGN -> {
        out.u8(I64_FROM_F64);
        constant64(out, 0x8000000000000000L);
        out.u8(I64_AND);
        local(out, LOCAL_SET, i64);
        bits64Open(out, I64_AND, 0x7FFFFFFFFFFFFFFFL);
        local(out, LOCAL_GET, i64);
        out.u8(I64_OR);
        out.u8(F64_FROM_I64);
      }
      case NanOps.F32_CONVERT_I64_U -> unsignedConversion(out, i64, F32_CONVERT_I64_S, F32_CONST,
          new byte[] {0, 0, 0, 0x40}, F32_MUL);
      case NanOps.F64_CONVERT_I64_U -> unsignedConversion(out, i64, F64_CONVERT_I64_S, F64_CONST,
          new byte[] {0, 0, 0, 0, 0, 0, 0, 0x40}, F64_MUL);
      default -> {
        out.bytes(module, at, r.pos() - at);
        if (NanOps.CANONICALISED[key] == NanOps.F32) {
          canonical(out, f32, F32_CONST, new byte[] {0x00, 0x00, (byte) 0xC0, 0x7F}, F32_NE);
        } else {
          canonical(out, f64, F64_CONST, new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x7F}, F64_NE);
        }
      }
    }
  }

  /** value -> isNaN(value) ? canonical : value, with a scratch local. */
  private static void canonical(ByteSink out, int local, int constOp, byte[] canonicalBits, int ne) {
    local(out, LOCAL_SET, local);
    out.u8(constOp);
    out.bytes(canonicalBits);
    local(out, LOCAL_GET, local);
    local(out, LOCAL_GET, local);
    local(out, LOCAL_GET, local);
    out.u8(ne);
    out.u8(SELECT);
  }

  /**
   * x -> x < 0 ? convert_s((x >>> 1) | (x & 1)) * 2 : convert_s(x), with a scratch local: the unsigned conversion,
   * rounded once to nearest even. Halving keeps the bit it drops as a sticky bit, so the signed conversion of the half
   * rounds exactly as the unsigned conversion of the whole would; doubling is exact.
   */
  private static void unsignedConversion(ByteSink out, int local, int convertSigned, int constOp, byte[] two, int mul) {
    local(out, LOCAL_SET, local);
    local(out, LOCAL_GET, local);
    constant64(out, 1);
    out.u8(I64_SHR_U);
    local(out, LOCAL_GET, local);
    constant64(out, 1);
    out.u8(I64_AND);
    out.u8(I64_OR);
    out.u8(convertSigned);
    out.u8(constOp);
    out.bytes(two);
    out.u8(mul);
    local(out, LOCAL_GET, local);
    out.u8(convertSigned);
    local(out, LOCAL_GET, local);
    constant64(out, 0);
    out.u8(I64_LT_S);
    out.u8(SELECT);
  }

  private static void bits32(ByteSink out, int op, int mask) {
    bits32Open(out, op, mask);
    out.u8(F32_FROM_I32);
  }

  private static void bits32Open(ByteSink out, int op, int mask) {
    out.u8(I32_FROM_F32);
    constant32(out, mask);
    out.u8(op);
  }

  private static void bits64(ByteSink out, int op, long mask) {
    bits64Open(out, op, mask);
    out.u8(F64_FROM_I64);
  }

  private static void bits64Open(ByteSink out, int op, long mask) {
    out.u8(I64_FROM_F64);
    constant64(out, mask);
    out.u8(op);
  }

  private static void constant32(ByteSink out, int value) {
    out.u8(I32_CONST);
    out.s64(value);
  }

  private static void constant64(ByteSink out, long value) {
    out.u8(I64_CONST);
    out.s64(value);
  }

  private static void local(ByteSink out, int op, int index) {
    out.u8(op);
    out.u32(index);
  }
}
