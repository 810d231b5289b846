package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmFeature;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Rewrites one function body: a gas charge at the start of every basic block, covering the static
 * cost of the block's instructions, and calls to helpers in place of {@code memory.grow} and the bulk
 * memory instructions. Locals are copied unchanged. Not thread-safe; one per instrumentation.
 */
final class BodyRewriter {

    private static final boolean[] ENDS_BLOCK = new boolean[Opcodes.KEY_COUNT];

    static {
        // After these, control may arrive from elsewhere (a join or branch target) or not at all.
        for (int op : new int[] {Opcodes.LOOP, Opcodes.IF, Opcodes.ELSE, Opcodes.END, Opcodes.BR, Opcodes.BR_IF,
            Opcodes.BR_TABLE, Opcodes.RETURN, Opcodes.UNREACHABLE, Opcodes.THROW, Opcodes.RETHROW,
            Opcodes.THROW_REF, Opcodes.RETURN_CALL, Opcodes.RETURN_CALL_INDIRECT, Opcodes.CATCH,
            Opcodes.CATCH_ALL, Opcodes.DELEGATE}) {
            ENDS_BLOCK[op] = true;
        }
    }

    private final byte[] module;
    private final WasmReader r;
    private final InstructionDecoder decoder;
    private final GasCosts costs;
    private final GasCharge charge;
    private final InjectedFunctions injected;
    private int[] pending = new int[48];
    private int pendingCount;

    BodyRewriter(byte[] module, boolean[] memory64, GasCosts costs, GasCharge charge, InjectedFunctions injected) {
        this.module = module;
        this.r = new WasmReader(module);
        this.r.where("code section");
        this.decoder = new InstructionDecoder(r, new FeatureGate(EnumSet.allOf(WasmFeature.class), r), memory64);
        this.costs = costs;
        this.charge = charge;
        this.injected = injected;
    }

    /** Writes the rewritten body {@code module[start, end)} (after its size prefix) to {@code out}. */
    void rewrite(int start, int end, ByteSink out) {
        r.limit(end);
        r.pos(start);
        int groups = r.u32();
        for (int g = 0; g < groups; g++) {
            r.u32();
            r.u8();
        }
        out.bytes(module, start, r.pos() - start);
        decoder.begin();
        int blockStart = r.pos();
        long cost = 0;
        pendingCount = 0;
        while (!decoder.done()) {
            int at = r.pos();
            int key = decoder.next();
            cost += costs.of(key);
            if (key == Opcodes.MEMORY_GROW || key == Opcodes.MEMORY_FILL || key == Opcodes.MEMORY_COPY
                    || key == Opcodes.MEMORY_INIT) {
                replace(at, r.pos(), key);
            }
            if (ENDS_BLOCK[key]) {
                flush(blockStart, r.pos(), cost, out);
                blockStart = r.pos();
                cost = 0;
            }
        }
    }

    private void replace(int at, int end, int key) {
        if (pendingCount + 3 > pending.length) {
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingCount++] = at;
        pending[pendingCount++] = end;
        pending[pendingCount++] = key;
    }

    /** Emits the charge for {@code module[from, to)}, then the block itself with replacements applied. */
    private void flush(int from, int to, long cost, ByteSink out) {
        if (cost > 0) {
            charge.constant(out, cost);
        }
        int cursor = from;
        for (int i = 0; i < pendingCount; i += 3) {
            out.bytes(module, cursor, pending[i] - cursor);
            out.u8(0x10);
            out.u32(injected.helperFor(module, pending[i], pending[i + 1], pending[i + 2]));
            cursor = pending[i + 1];
        }
        out.bytes(module, cursor, to - cursor);
        pendingCount = 0;
    }
}
