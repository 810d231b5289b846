package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmFeature;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * Mutates one valid module in the ways that find validator bugs: byte flips, ±1 on an instruction's index
 * immediate (a label, function, local, global, type, table, element or data index, or a memory access's
 * alignment) or on any LEB128 number, two sections swapped, a section dropped or duplicated, and truncation.
 * A changed number keeps its encoded length, so every size around it stays right and the change reaches
 * validation instead of failing as malformed. Deterministic: the same module and random sequence always
 * give the same mutant. Immutable.
 */
final class Mutator {

    private final byte[] module;
    private final List<Section> sections;
    /** Offsets of index and alignment immediates in the code section, as unsigned LEB128. */
    private final int[] immediates;

    Mutator(byte[] module) {
        this.module = module.clone();
        ParsedModule parsed = WasmParser.parse(module, EnumSet.allOf(WasmFeature.class));
        this.sections = parsed.sections;
        this.immediates = immediates(module, parsed);
    }

    /** One mutant. */
    byte[] mutate(Random random) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return flipBytes(module.clone(), random, 1 + random.nextInt(3));
        } else if (kind < 55) {
            return bumpImmediate(module.clone(), random);
        } else if (kind < 65) {
            return bumpAnyLeb(module.clone(), random);
        } else if (kind < 73) {
            return swapSections(random);
        } else if (kind < 79) {
            return duplicateSection(random);
        } else if (kind < 83) {
            return dropSection(random);
        } else if (kind < 93) {
            return truncate(random);
        }
        return flipBytes(bumpImmediate(module.clone(), random), random, 1);
    }

    private static byte[] flipBytes(byte[] m, Random random, int flips) {
        for (int i = 0; i < flips; i++) {
            int at = 8 + random.nextInt(m.length - 8);
            m[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (m[at] ^ (1 << random.nextInt(8)));
        }
        return m;
    }

    private byte[] bumpImmediate(byte[] m, Random random) {
        if (immediates.length == 0) {
            return bumpAnyLeb(m, random);
        }
        return bumpLeb(m, immediates[random.nextInt(immediates.length)], random) ? m : flipBytes(m, random, 1);
    }

    private static byte[] bumpAnyLeb(byte[] m, Random random) {
        return bumpLeb(m, 8 + random.nextInt(m.length - 8), random) ? m : flipBytes(m, random, 1);
    }

    /** Adds or subtracts one to the unsigned LEB128 at {@code at}, keeping its length; false if it cannot. */
    static boolean bumpLeb(byte[] m, int at, Random random) {
        long value = 0;
        int length = 0;
        while (true) {
            if (at + length >= m.length || length == 5) {
                return false;
            }
            int b = m[at + length] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * length);
            length++;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        long max = Math.min(0xFFFF_FFFFL, (1L << (7 * length)) - 1);
        long bumped = random.nextBoolean() ? value + 1 : value - 1;
        if (bumped < 0 || bumped > max) {
            bumped = 2 * value - bumped;
        }
        if (bumped < 0 || bumped > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            m[at + i] = (byte) ((bumped >>> (7 * i)) & 0x7F | (i < length - 1 ? 0x80 : 0));
        }
        return true;
    }

    private byte[] swapSections(Random random) {
        if (sections.size() < 2) {
            return truncate(random);
        }
        int i = random.nextInt(sections.size() - 1);
        int j = random.nextInt(10) < 7 ? i + 1 : i + 1 + random.nextInt(sections.size() - i - 1);
        Section a = sections.get(i);
        Section b = sections.get(j);
        ByteArrayOutputStream out = new ByteArrayOutputStream(module.length);
        out.write(module, 0, a.start());
        out.write(module, b.start(), b.end() - b.start());
        out.write(module, a.end(), b.start() - a.end());
        out.write(module, a.start(), a.end() - a.start());
        out.write(module, b.end(), module.length - b.end());
        return out.toByteArray();
    }

    private byte[] duplicateSection(Random random) {
        if (sections.isEmpty()) {
            return truncate(random);
        }
        Section s = sections.get(random.nextInt(sections.size()));
        int insertAt = random.nextInt(10) < 7 ? s.end() : boundary(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream(module.length + s.end() - s.start());
        out.write(module, 0, insertAt);
        out.write(module, s.start(), s.end() - s.start());
        out.write(module, insertAt, module.length - insertAt);
        return out.toByteArray();
    }

    private byte[] dropSection(Random random) {
        if (sections.isEmpty()) {
            return truncate(random);
        }
        Section s = sections.get(random.nextInt(sections.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(module.length);
        out.write(module, 0, s.start());
        out.write(module, s.end(), module.length - s.end());
        return out.toByteArray();
    }

    /** A cut anywhere, or at a section boundary (which may leave a valid module) three times in ten. */
    private byte[] truncate(Random random) {
        int at = random.nextInt(10) < 3 ? boundary(random) : random.nextInt(module.length);
        return java.util.Arrays.copyOf(module, at);
    }

    /** The start of a section, or the end of the module. */
    private int boundary(Random random) {
        int i = random.nextInt(sections.size() + 1);
        return i == sections.size() ? module.length : sections.get(i).start();
    }

    /** Where index and alignment immediates of the code section's instructions start. */
    private static int[] immediates(byte[] module, ParsedModule parsed) {
        WasmReader r = new WasmReader(module);
        InstructionDecoder decoder = new InstructionDecoder(r, new FeatureGate(EnumSet.allOf(WasmFeature.class), r));
        List<Integer> found = new ArrayList<>();
        for (int f = 0; f < parsed.bodyStarts.length; f++) {
            r.pos(parsed.bodyStarts[f]);
            int groups = r.u32();
            for (int g = 0; g < groups; g++) {
                r.u32();
                r.u8();
            }
            decoder.begin();
            while (!decoder.done()) {
                int key = decoder.next();
                if (hasIndex(key)) {
                    found.add(decoder.immediates);
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Instructions whose first immediate is an index, or a memory access whose first is its alignment. */
    private static boolean hasIndex(int key) {
        return key >= 0x0C && key <= 0x11 && key != 0x0F || key >= 0x20 && key <= 0x26 || key >= 0x28 && key <= 0x3E
                || key == 0xD2 || key >= Opcodes.FC_BASE + 8 && key <= Opcodes.FC_BASE + 17;
    }
}
