package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.TypeTable.I32;
import static io.wasmhive.executor.internal.wasm.TypeTable.I64;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions the instrumenter appends after the module's own: the three host entry points, then
 * one helper per distinct {@code memory.grow} or bulk memory instruction, created as the rewriter meets
 * them, then one call wrapper per exported function (see {@link Instrumentation#CALL_PREFIX}).
 */
final class InjectedFunctions {

    /** An appended function: its type index and its body (locals and code, without the size prefix). */
    record Function(int type, byte[] body) {
    }

    private final List<Function> functions = new ArrayList<>();
    private final Map<String, Integer> helpers = new HashMap<>();
    private final int base;
    private final TypeTable types;
    private final GasCharge charge;
    private final Globals globals;
    private final List<MemoryInfo> memories;

    /** The three appended globals' indices. */
    record Globals(int gas, int maxPages, int denied) {
    }

    InjectedFunctions(int base, TypeTable types, Globals globals, List<MemoryInfo> memories) {
        this.base = base;
        this.types = types;
        this.globals = globals;
        this.memories = memories;
        this.charge = new GasCharge(globals.gas());
        ByteSink setLimits = begin();
        setLimits.bytes(new byte[] {0x20, 0x00, 0x24});
        setLimits.u32(globals.gas());
        setLimits.bytes(new byte[] {0x20, 0x01, 0x24});
        setLimits.u32(globals.maxPages());
        setLimits.bytes(new byte[] {0x41, 0x00, 0x24});
        setLimits.u32(globals.denied());
        add(types.index(new byte[] {I64, I32}, new byte[0]), setLimits);
        add(types.index(new byte[0], new byte[] {I64}), getter(globals.gas()));
        add(types.index(new byte[0], new byte[] {I32}), getter(globals.denied()));
    }

    int setLimits() {
        return base;
    }

    int gasLeft() {
        return base + 1;
    }

    int memoryDenied() {
        return base + 2;
    }

    List<Function> functions() {
        return functions;
    }

    /** The helper replacing the instruction {@code module[at, end)} (memory.grow, fill, copy or init). */
    int helperFor(byte[] module, int at, int end, int key) {
        String id = new String(module, at, end - at, StandardCharsets.ISO_8859_1);
        Integer existing = helpers.get(id);
        if (existing != null) {
            return existing;
        }
        WasmReader r = new WasmReader(module);
        r.pos(at + 1);
        if (key != Opcodes.MEMORY_GROW) {
            r.u32();
        }
        int index = base + functions.size();
        switch (key) {
            case Opcodes.MEMORY_GROW -> grow(r.u32());
            case Opcodes.MEMORY_FILL -> {
                boolean wide = wide(r.u32());
                bulk(module, at, end, new byte[] {addr(wide), I32, addr(wide)}, wide);
            }
            case Opcodes.MEMORY_COPY -> {
                boolean dst = wide(r.u32());
                boolean src = wide(r.u32());
                bulk(module, at, end, new byte[] {addr(dst), addr(src), addr(dst && src)}, dst && src);
            }
            case Opcodes.MEMORY_INIT -> {
                r.u32();
                bulk(module, at, end, new byte[] {addr(wide(r.u32())), I32, I32}, false);
            }
            default -> throw new IllegalArgumentException("no helper for key " + key);
        }
        helpers.put(id, index);
        return index;
    }

    /**
     * Appends the wrapper of {@code function} ({@code params -> results}):
     * {@code (i64 gas, i32 maxPages, i32 flags, params...) -> (results..., i64 gasLeft)}. It sets the
     * limits, runs {@code start} if flag 1 is set and {@code init} if flag 2 is set (each -1 if absent),
     * calls the function and pushes the gas left. Returns its index.
     */
    int wrapper(int function, byte[] params, byte[] results, int start, int init) {
        ByteSink b = begin();
        b.bytes(new byte[] {0x20, 0x00, 0x24});
        b.u32(globals.gas());
        b.bytes(new byte[] {0x20, 0x01, 0x24});
        b.u32(globals.maxPages());
        b.bytes(new byte[] {0x41, 0x00, 0x24});
        b.u32(globals.denied());
        onFlag(b, Instrumentation.RUN_START, start);
        onFlag(b, Instrumentation.RUN_INITIALIZE, init);
        for (int i = 0; i < params.length; i++) {
            b.u8(0x20);
            b.u32(3 + i);
        }
        b.u8(0x10);
        b.u32(function);
        b.u8(0x23);
        b.u32(globals.gas());
        byte[] wrapperParams = new byte[params.length + 3];
        wrapperParams[0] = I64;
        wrapperParams[1] = I32;
        wrapperParams[2] = I32;
        System.arraycopy(params, 0, wrapperParams, 3, params.length);
        byte[] wrapperResults = Arrays.copyOf(results, results.length + 1);
        wrapperResults[results.length] = I64;
        int index = base + functions.size();
        add(types.index(wrapperParams, wrapperResults), b);
        return index;
    }

    /** {@code if (flags & flag) call function;} unless the function is absent. */
    private static void onFlag(ByteSink b, int flag, int function) {
        if (function < 0) {
            return;
        }
        b.bytes(new byte[] {0x20, 0x02, 0x41});
        b.s64(flag);
        b.bytes(new byte[] {0x71, 0x04, 0x40, 0x10});
        b.u32(function);
        b.u8(0x0B);
    }

    private boolean wide(int memory) {
        return memory >= 0 && memory < memories.size() && memories.get(memory).memory64();
    }

    private static byte addr(boolean wide) {
        return wide ? I64 : I32;
    }

    /** Charges {@code n / 64} (n is parameter 2), then performs the original instruction on the parameters. */
    private void bulk(byte[] module, int at, int end, byte[] params, boolean n64) {
        ByteSink body = begin();
        charge.perBulkByte(body, 2, n64);
        body.bytes(new byte[] {0x20, 0x00, 0x20, 0x01, 0x20, 0x02});
        body.bytes(module, at, end - at);
        add(types.index(params, new byte[0]), body);
    }

    /** Refuses (returns -1, sets denied) a non-zero grow past the page cap; otherwise grows. */
    private void grow(int memory) {
        ByteSink b = begin();
        boolean wide = wide(memory);
        if (wide) {
            // delta != 0 && (size > max || delta > max - size), all unsigned.
            b.bytes(new byte[] {0x20, 0x00, 0x42, 0x00, 0x52});
            memorySize(b, memory);
            maxPages(b);
            b.bytes(new byte[] {0x56, 0x20, 0x00});
            maxPages(b);
            memorySize(b, memory);
            b.bytes(new byte[] {0x7D, 0x56, 0x72, 0x71});
        } else {
            // delta != 0 && size + delta > max, in 64-bit arithmetic so the sum cannot wrap.
            b.bytes(new byte[] {0x20, 0x00, (byte) 0xAD});
            memorySize(b, memory);
            b.bytes(new byte[] {(byte) 0xAD, 0x7C});
            maxPages(b);
            b.bytes(new byte[] {0x56, 0x20, 0x00, 0x41, 0x00, 0x47, 0x71});
        }
        b.bytes(new byte[] {0x04, addr(wide), 0x41, 0x01, 0x24});
        b.u32(globals.denied());
        b.bytes(wide ? new byte[] {0x42, 0x7F} : new byte[] {0x41, 0x7F});
        b.bytes(new byte[] {0x05, 0x20, 0x00, 0x40});
        b.u32(memory);
        b.u8(0x0B);
        byte[] p = {addr(wide)};
        add(types.index(p, p), b);
    }

    private static void memorySize(ByteSink b, int memory) {
        b.u8(0x3F);
        b.u32(memory);
    }

    private void maxPages(ByteSink b) {
        b.u8(0x23);
        b.u32(globals.maxPages());
        b.u8(0xAD);
    }

    private ByteSink getter(int global) {
        ByteSink b = begin();
        b.u8(0x23);
        b.u32(global);
        return b;
    }

    private static ByteSink begin() {
        ByteSink b = new ByteSink(32);
        b.u8(0x00); // no locals
        return b;
    }

    private void add(int type, ByteSink body) {
        body.u8(0x0B);
        functions.add(new Function(type, body.toArray()));
    }
}
