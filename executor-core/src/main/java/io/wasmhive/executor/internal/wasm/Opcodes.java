package io.wasmhive.executor.internal.wasm;

import java.util.HashMap;
import java.util.Map;

/**
 * Instruction names and keys. A key is one int per instruction: the opcode byte for single-byte
 * opcodes, and {@code prefixBase + subopcode} for the 0xFC, 0xFD and 0xFE families.
 */
final class Opcodes {

  static final int FC_BASE = 0x100;
  static final int FD_BASE = 0x200;
  static final int FE_BASE = 0x400;
  static final int FC_COUNT = 18;
  static final int FD_COUNT = 0x114;
  static final int FE_COUNT = 0x4F;
  static final int KEY_COUNT = FE_BASE + FE_COUNT;

  static final int UNREACHABLE = 0x00, BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, TRY = 0x06,
      CATCH = 0x07, THROW = 0x08, RETHROW = 0x09, THROW_REF = 0x0A, END = 0x0B, BR = 0x0C, BR_IF = 0x0D,
      BR_TABLE = 0x0E, RETURN = 0x0F, CALL = 0x10, CALL_INDIRECT = 0x11, RETURN_CALL = 0x12,
      RETURN_CALL_INDIRECT = 0x13, DELEGATE = 0x18, CATCH_ALL = 0x19, TRY_TABLE = 0x1F,
      MEMORY_GROW = 0x40;
  static final int MEMORY_INIT = FC_BASE + 8, MEMORY_COPY = FC_BASE + 10, MEMORY_FILL = FC_BASE + 11,
      TABLE_INIT = FC_BASE + 12, TABLE_COPY = FC_BASE + 14, TABLE_GROW = FC_BASE + 15, TABLE_FILL = FC_BASE + 17;

  private static final String[] NAMES = new String[KEY_COUNT];
  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  private Opcodes() {
  }

  static {
    fill(0x00, "unreachable nop block loop if else try catch throw rethrow throw_ref end br br_if br_table return"
        + " call call_indirect return_call return_call_indirect");
    fill(0x18, "delegate catch_all drop select select_t");
    fill(0x1F, "try_table local.get local.set local.tee global.get global.set table.get table.set");
    fill(0x28, "i32.load i64.load f32.load f64.load i32.load8_s i32.load8_u i32.load16_s i32.load16_u"
        + " i64.load8_s i64.load8_u i64.load16_s i64.load16_u i64.load32_s i64.load32_u i32.store i64.store"
        + " f32.store f64.store i32.store8 i32.store16 i64.store8 i64.store16 i64.store32 memory.size"
        + " memory.grow i32.const i64.const f32.const f64.const");
    fill(0x45, "i32.eqz i32.eq i32.ne i32.lt_s i32.lt_u i32.gt_s i32.gt_u i32.le_s i32.le_u i32.ge_s i32.ge_u"
        + " i64.eqz i64.eq i64.ne i64.lt_s i64.lt_u i64.gt_s i64.gt_u i64.le_s i64.le_u i64.ge_s i64.ge_u"
        + " f32.eq f32.ne f32.lt f32.gt f32.le f32.ge f64.eq f64.ne f64.lt f64.gt f64.le f64.ge");
    fill(0x67, "i32.clz i32.ctz i32.popcnt i32.add i32.sub i32.mul i32.div_s i32.div_u i32.rem_s i32.rem_u"
        + " i32.and i32.or i32.xor i32.shl i32.shr_s i32.shr_u i32.rotl i32.rotr"
        + " i64.clz i64.ctz i64.popcnt i64.add i64.sub i64.mul i64.div_s i64.div_u i64.rem_s i64.rem_u"
        + " i64.and i64.or i64.xor i64.shl i64.shr_s i64.shr_u i64.rotl i64.rotr");
    fill(0x8B, "f32.abs f32.neg f32.ceil f32.floor f32.trunc f32.nearest f32.sqrt f32.add f32.sub f32.mul"
        + " f32.div f32.min f32.max f32.copysign f64.abs f64.neg f64.ceil f64.floor f64.trunc f64.nearest"
        + " f64.sqrt f64.add f64.sub f64.mul f64.div f64.min f64.max f64.copysign");
    fill(0xA7, "i32.wrap_i64 i32.trunc_f32_s i32.trunc_f32_u i32.trunc_f64_s i32.trunc_f64_u i64.extend_i32_s"
        + " i64.extend_i32_u i64.trunc_f32_s i64.trunc_f32_u i64.trunc_f64_s i64.trunc_f64_u"
        + " f32.convert_i32_s f32.convert_i32_u f32.convert_i64_s f32.convert_i64_u f32.demote_f64"
        + " f64.convert_i32_s f64.convert_i32_u f64.convert_i64_s f64.convert_i64_u f64.promote_f32"
        + " i32.reinterpret_f32 i64.reinterpret_f64 f32.reinterpret_i32 f64.reinterpret_i64"
        + " i32.extend8_s i32.extend16_s i64.extend8_s i64.extend16_s i64.extend32_s");
    fill(0xD0, "ref.null ref.is_null ref.func");
    fill(FC_BASE, "i32.trunc_sat_f32_s i32.trunc_sat_f32_u i32.trunc_sat_f64_s i32.trunc_sat_f64_u"
        + " i64.trunc_sat_f32_s i64.trunc_sat_f32_u i64.trunc_sat_f64_s i64.trunc_sat_f64_u memory.init"
        + " data.drop memory.copy memory.fill table.init elem.drop table.copy table.grow table.size table.fill");
    SimdNames.fill(NAMES, FD_BASE);
    fillAtomics();
    for (int key = 0; key < KEY_COUNT; key++) {
      if (NAMES[key] != null) {
        BY_NAME.put(NAMES[key], key);
      }
    }
  }

  private static void fill(int first, String names) {
    String[] split = names.split(" ");
    for (int i = 0; i < split.length; i++) {
      NAMES[first + i] = split[i];
    }
  }

  private static void fillAtomics() {
    fill(FE_BASE, "memory.atomic.notify memory.atomic.wait32 memory.atomic.wait64 atomic.fence");
    fill(FE_BASE + 0x10, "i32.atomic.load i64.atomic.load i32.atomic.load8_u i32.atomic.load16_u"
        + " i64.atomic.load8_u i64.atomic.load16_u i64.atomic.load32_u i32.atomic.store i64.atomic.store"
        + " i32.atomic.store8 i32.atomic.store16 i64.atomic.store8 i64.atomic.store16 i64.atomic.store32");
    String[] ops = {"add", "sub", "and", "or", "xor", "xchg", "cmpxchg"};
    for (int i = 0; i < ops.length; i++) {
      String o = ops[i];
      fill(FE_BASE + 0x1E + 7 * i, "i32.atomic.rmw." + o + " i64.atomic.rmw." + o + " i32.atomic.rmw8." + o
          + "_u i32.atomic.rmw16." + o + "_u i64.atomic.rmw8." + o + "_u i64.atomic.rmw16." + o
          + "_u i64.atomic.rmw32." + o + "_u");
    }
  }

  /** The text-format name of the instruction with this key, or {@code "unknown"}. */
  static String name(int key) {
    String n = key >= 0 && key < KEY_COUNT ? NAMES[key] : null;
    return n == null ? "unknown" : n;
  }

  /** The key of the instruction with this text-format name, or -1. */
  static int key(String name) {
    return BY_NAME.getOrDefault(name, -1);
  }

  /** How an opcode appears in messages: {@code 0x40} or {@code 0xfd 20}. */
  static String describe(int prefix, int sub) {
    return prefix < 0 ? "0x" + hex2(sub) : "0x" + hex2(prefix) + " " + sub;
  }

  private static String hex2(int b) {
    return (b < 16 ? "0" : "") + Integer.toHexString(b);
  }
}
