package io.wasmhive.executor.internal.wasm;

/**
 * Emits the inline gas charge: subtract, store, and trap with {@code unreachable} if the result is
 * negative. Subtracting before the check leaves the negative balance for the host to read. Inline
 * rather than a call because Cranelift does not inline wasm calls, and this runs once per basic block.
 */
final class GasCharge {

    private final byte[] gas;

    GasCharge(int gasGlobal) {
        this.gas = ByteSink.leb(gasGlobal);
    }

    /** {@code gas -= amount; if (gas < 0) unreachable;} */
    void constant(ByteSink out, long amount) {
        out.u8(0x23);
        out.bytes(gas);
        out.u8(0x42);
        out.s64(amount);
        finish(out);
    }

    /** {@code gas -= (n >>> 6); if (gas < 0) unreachable;} where local {@code n} is i32 or i64. */
    void perBulkByte(ByteSink out, int local, boolean n64) {
        out.u8(0x23);
        out.bytes(gas);
        out.u8(0x20);
        out.u32(local);
        if (!n64) {
            out.u8(0xAD); // i64.extend_i32_u
        }
        out.u8(0x42);
        out.s64(Integer.numberOfTrailingZeros(GasCosts.BULK_BYTES_PER_GAS));
        out.u8(0x88); // i64.shr_u
        finish(out);
    }

    private void finish(ByteSink out) {
        out.u8(0x7D); // i64.sub
        out.u8(0x24);
        out.bytes(gas);
        out.u8(0x23);
        out.bytes(gas);
        out.u8(0x42);
        out.u8(0x00);
        out.u8(0x53); // i64.lt_s
        out.u8(0x04);
        out.u8(0x40);
        out.u8(0x00); // unreachable
        out.u8(0x0B);
    }
}
