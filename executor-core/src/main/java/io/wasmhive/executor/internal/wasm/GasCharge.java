package io.wasmhive.executor.internal.wasm;

/**
 * Emits the inline gas code. A metered function keeps its gas in a local ({@code local >= 0}): loaded
 * from the gas global on entry, written back before anything that can observe the global (calls,
 * returns, the guest's own traps) and reloaded after calls. With {@code local < 0} the charge works on
 * the global directly, for functions that cannot have the local (see {@link BodyRewriter}). Inline
 * rather than a call because Cranelift does not inline wasm calls, and a charge runs once per basic
 * block; a local lives in a register, where the global is a load and a store each time.
 */
final class GasCharge {

  private static final byte LOCAL_GET = 0x20, LOCAL_SET = 0x21, LOCAL_TEE = 0x22, GLOBAL_GET = 0x23,
      GLOBAL_SET = 0x24, I64_CONST = 0x42, I64_SUB = 0x7D, I64_LT_S = 0x53;

  private final byte[] gas;

  GasCharge(int gasGlobal) {
    this.gas = ByteSink.leb(gasGlobal);
  }

  /** {@code gas -= amount; if (gas < 0) unreachable;} on the local, or on the global if {@code local < 0}. */
  void constant(ByteSink out, long amount, int local) {
    get(out, local);
    out.u8(I64_CONST);
    out.s64(amount);
    out.u8(I64_SUB);
    check(out, local);
  }

  /** {@code global -= (n >>> 6); if (global < 0) unreachable;} where local {@code n} is i32 or i64. */
  void perBulkByte(ByteSink out, int n, boolean n64) {
    get(out, -1);
    out.u8(LOCAL_GET);
    out.u32(n);
    if (!n64) {
      out.u8(0xAD); // i64.extend_i32_u
    }
    out.u8(I64_CONST);
    out.s64(Integer.numberOfTrailingZeros(GasCosts.BULK_BYTES_PER_GAS));
    out.u8(0x88); // i64.shr_u
    out.u8(I64_SUB);
    check(out, -1);
  }

  /** {@code global -= n; if (global < 0) unreachable;} where local {@code n} is an i32 element count. */
  void perElement(ByteSink out, int n) {
    get(out, -1);
    out.u8(LOCAL_GET);
    out.u32(n);
    out.u8(0xAD); // i64.extend_i32_u
    out.u8(I64_SUB);
    check(out, -1);
  }

  /** {@code local = global}: on function entry and after a call. */
  void load(ByteSink out, int local) {
    out.u8(GLOBAL_GET);
    out.bytes(gas);
    out.u8(LOCAL_SET);
    out.u32(local);
  }

  /** {@code global = local}: before a call, a return or a trap, so the host and callees see the balance. */
  void store(ByteSink out, int local) {
    out.u8(LOCAL_GET);
    out.u32(local);
    out.u8(GLOBAL_SET);
    out.bytes(gas);
  }

  private void get(ByteSink out, int local) {
    if (local >= 0) {
      out.u8(LOCAL_GET);
      out.u32(local);
    } else {
      out.u8(GLOBAL_GET);
      out.bytes(gas);
    }
  }

  /** Stores the new balance (on the stack) and traps if it is negative, leaving it in the global for the host. */
  private void check(ByteSink out, int local) {
    if (local >= 0) {
      out.u8(LOCAL_TEE);
      out.u32(local);
    } else {
      out.u8(GLOBAL_SET);
      out.bytes(gas);
      out.u8(GLOBAL_GET);
      out.bytes(gas);
    }
    out.u8(I64_CONST);
    out.u8(0x00);
    out.u8(I64_LT_S);
    out.u8(0x04); // if
    out.u8(0x40);
    if (local >= 0) {
      store(out, local);
    }
    out.u8(0x00); // unreachable
    out.u8(0x0B);
  }
}
