package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.Opcodes.FC_BASE;
import static io.wasmhive.executor.internal.wasm.Opcodes.FD_BASE;
import static io.wasmhive.executor.internal.wasm.Opcodes.FE_BASE;

import io.wasmhive.executor.WasmFeature;

/**
 * Decodes one instruction at a time, skipping its immediates, checking the proposal it belongs to and
 * tracking block depth so the caller knows where an expression ends. Not thread-safe.
 */
final class InstructionDecoder {

    private final WasmReader r;
    private final FeatureGate gate;
    private final boolean[] memory64;
    private int depth;

    InstructionDecoder(WasmReader reader, FeatureGate gate, boolean[] memory64) {
        this.r = reader;
        this.gate = gate;
        this.memory64 = memory64;
    }

    /** Starts an expression: a function body or a constant expression, both ended by a matching {@code end}. */
    void begin() {
        depth = 1;
    }

    /** Whether the expression's final {@code end} has been decoded. */
    boolean done() {
        return depth == 0;
    }

    /** Decodes the instruction at the reader's position and returns its key (see {@link Opcodes}). */
    int next() {
        int start = r.pos();
        int op = r.u8();
        switch (op) {
            case 0x00, 0x01, 0x05, 0x0F, 0x1A, 0x1B -> { }
            case 0x02, 0x03, 0x04 -> enter(start);
            case 0x06 -> {
                feature(WasmFeature.EXCEPTIONS, start, op);
                enter(start);
            }
            case 0x07, 0x08, 0x09 -> {
                feature(WasmFeature.EXCEPTIONS, start, op);
                r.u32();
            }
            case 0x0A, 0x19 -> feature(WasmFeature.EXCEPTIONS, start, op);
            case 0x0B -> depth--;
            case 0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24 -> r.u32();
            case 0x0E -> brTable();
            case 0x11 -> callIndirect(start);
            case 0x12 -> {
                feature(WasmFeature.TAIL_CALLS, start, op);
                r.u32();
            }
            case 0x13 -> {
                feature(WasmFeature.TAIL_CALLS, start, op);
                r.u32();
                r.u32();
            }
            case 0x18 -> {
                feature(WasmFeature.EXCEPTIONS, start, op);
                r.u32();
                depth--;
            }
            case 0x1C -> selectTyped(start, op);
            case 0x1F -> tryTable(start, op);
            case 0x25, 0x26, 0xD2 -> {
                feature(WasmFeature.REFERENCE_TYPES, start, op);
                r.u32();
            }
            case 0x3F, 0x40 -> memoryIndex(start, op);
            case 0x41 -> r.signed(32);
            case 0x42 -> r.signed(64);
            case 0x43 -> r.skip(4);
            case 0x44 -> r.skip(8);
            case 0xC0, 0xC1, 0xC2, 0xC3, 0xC4 -> feature(WasmFeature.SIGN_EXTENSION, start, op);
            case 0xD0 -> {
                feature(WasmFeature.REFERENCE_TYPES, start, op);
                int type = r.u8();
                gate.refType(type, start + 1);
            }
            case 0xD1 -> feature(WasmFeature.REFERENCE_TYPES, start, op);
            case 0xFC -> {
                return FC_BASE + prefixFc(start);
            }
            case 0xFD -> {
                return FD_BASE + prefixFd(start);
            }
            case 0xFE -> {
                return FE_BASE + prefixFe(start);
            }
            default -> {
                if (op >= 0x28 && op <= 0x3E) {
                    memarg(start);
                } else if (op < 0x45 || op > 0xBF) {
                    throw r.error("unknown opcode 0x" + Integer.toHexString(op), start);
                }
            }
        }
        return op;
    }

    private void feature(WasmFeature feature, int start, int op) {
        gate.require(feature, start, "opcode " + Opcodes.describe(-1, op) + " (" + Opcodes.name(op) + ")");
    }

    private void prefixed(WasmFeature feature, int start, int prefix, int sub, int key) {
        gate.require(feature, start, "opcode " + Opcodes.describe(prefix, sub) + " (" + Opcodes.name(key) + ")");
    }

    private void enter(int start) {
        blockType(start);
        if (++depth > StructureCaps.MAX_NESTING) {
            throw r.error("blocks nested deeper than " + StructureCaps.MAX_NESTING, start);
        }
    }

    private void blockType(int start) {
        int at = r.pos();
        int b = r.u8();
        if (b == 0x40) {
            return;
        }
        if ((b & 0xC0) == 0x40) {
            // A negative single-byte s33 is a value type.
            gate.valType(b, at);
            return;
        }
        r.pos(at);
        long index = r.signed(33);
        if (index < 0) {
            throw r.error("invalid block type", at);
        }
        gate.require(WasmFeature.MULTI_VALUE, start, "block type referencing type " + index);
    }

    private void brTable() {
        int n = r.count(1, Integer.MAX_VALUE, "br_table target count");
        for (int i = 0; i <= n; i++) {
            r.u32();
        }
    }

    private void callIndirect(int start) {
        r.u32();
        if (r.u32() != 0) {
            gate.require(WasmFeature.REFERENCE_TYPES, start, "call_indirect through a table other than 0");
        }
    }

    private void selectTyped(int start, int op) {
        feature(WasmFeature.REFERENCE_TYPES, start, op);
        int n = r.count(1, 1, "select type count");
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            gate.valType(r.u8(), at);
        }
    }

    private void tryTable(int start, int op) {
        feature(WasmFeature.EXCEPTIONS, start, op);
        enter(start);
        int n = r.count(2, Integer.MAX_VALUE, "catch clause count");
        for (int i = 0; i < n; i++) {
            int kind = r.u8();
            if (kind > 3) {
                throw r.error("invalid catch kind " + kind);
            }
            if (kind < 2) {
                r.u32();
            }
            r.u32();
        }
    }

    private void memoryIndex(int start, int op) {
        if (r.u32() != 0) {
            gate.require(WasmFeature.MULTI_MEMORY, start, "opcode " + Opcodes.describe(-1, op) + " on memory other than 0");
        }
    }

    private void memarg(int start) {
        int align = r.u32();
        int memory = 0;
        if ((align & 0x40) != 0) {
            memory = r.u32();
            gate.require(WasmFeature.MULTI_MEMORY, start, "memory access with an explicit memory index");
        }
        if (memory >= 0 && memory < memory64.length && memory64[memory]) {
            r.u64();
        } else {
            r.u32();
        }
    }

    private int prefixFc(int start) {
        int sub = r.u32();
        if (sub < 0 || sub >= Opcodes.FC_COUNT) {
            throw r.error("unknown opcode 0xfc " + Integer.toUnsignedString(sub), start);
        }
        int key = FC_BASE + sub;
        if (sub <= 7) {
            prefixed(WasmFeature.SATURATING_FLOAT_TO_INT, start, 0xFC, sub, key);
            return sub;
        }
        prefixed(sub >= 15 ? WasmFeature.REFERENCE_TYPES : WasmFeature.BULK_MEMORY, start, 0xFC, sub, key);
        switch (sub) {
            case 8 -> {
                r.u32();
                nonZeroMemory(start, r.u32());
            }
            case 10 -> {
                nonZeroMemory(start, r.u32());
                nonZeroMemory(start, r.u32());
            }
            case 11 -> nonZeroMemory(start, r.u32());
            case 12, 14 -> {
                int a = r.u32();
                int b = r.u32();
                if (b != 0 || sub == 14 && a != 0) {
                    gate.require(WasmFeature.REFERENCE_TYPES, start, "table operation on a table other than 0");
                }
            }
            default -> r.u32();
        }
        return sub;
    }

    private void nonZeroMemory(int start, int memory) {
        if (memory != 0) {
            gate.require(WasmFeature.MULTI_MEMORY, start, "bulk memory operation on memory other than 0");
        }
    }

    private int prefixFd(int start) {
        int sub = r.u32();
        int key = FD_BASE + sub;
        boolean known = sub >= 0 && sub < Opcodes.FD_COUNT && !"unknown".equals(Opcodes.name(key));
        prefixed(WasmFeature.SIMD, start, 0xFD, sub, known ? key : -1);
        if (!known) {
            throw r.error("unknown opcode 0xfd " + Integer.toUnsignedString(sub), start);
        }
        if (sub <= 0x0B || sub == 0x5C || sub == 0x5D) {
            memarg(start);
        } else if (sub == 0x0C || sub == 0x0D) {
            r.skip(16);
        } else if (sub >= 0x15 && sub <= 0x22) {
            r.u8();
        } else if (sub >= 0x54 && sub <= 0x5B) {
            memarg(start);
            r.u8();
        }
        return sub;
    }

    private int prefixFe(int start) {
        int sub = r.u32();
        int key = FE_BASE + sub;
        boolean known = sub >= 0 && sub < Opcodes.FE_COUNT && !"unknown".equals(Opcodes.name(key));
        prefixed(WasmFeature.THREADS, start, 0xFE, sub, known ? key : -1);
        if (!known) {
            throw r.error("unknown opcode 0xfe " + Integer.toUnsignedString(sub), start);
        }
        if (sub == 0x03) {
            if (r.u8() != 0) {
                throw r.error("atomic.fence expects a zero byte", start);
            }
        } else {
            memarg(start);
        }
        return sub;
    }
}
