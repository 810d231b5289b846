package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmFeature;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Mutates one valid module in the ways that find validator bugs: byte flips, ±1 on an instruction's index
 * immediate (a label, function, local, global, type, table, element or data index, or a memory access's
 * alignment) or on any LEB128 number, an instruction's opcode replaced by another with the same immediates
 * (so the body still decodes and only typing decides), two sections swapped, a section dropped or duplicated,
 * and truncation.
 * A changed number keeps its encoded length, so every size around it stays right and the change reaches
 * validation instead of failing as malformed. Deterministic: the same module and random sequence always
 * give the same mutant. Immutable.
 */
final class Mutator {

  /**
   * Opcodes that can replace one another: those without immediates (numeric operators, {@code drop},
   * {@code select}, {@code ref.is_null}, {@code unreachable}, {@code nop}, {@code return}), and those with
   * one index ({@code br}, {@code br_if}, {@code call}, locals, globals, {@code table.get}/{@code set},
   * {@code ref.func}).
   */
  private static final int[][] SAME_SHAPE = {
    IntStream.concat(IntStream.rangeClosed(0x45, 0xC4),
        IntStream.of(0x00, 0x01, 0x0F, 0x1A, 0x1B, 0xD1)).toArray(),
    {0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xD2},
  };

  private final byte[] module;
  private final List<Section> sections;
  /** Offsets of index and alignment immediates in the code section, as unsigned LEB128. */
  private final int[] immediates;
  /** Offsets of single-byte opcodes in the code section that {@link #SAME_SHAPE} can replace. */
  private final int[] opcodes;

  Mutator(byte[] module) {
    this.module = module.clone();
    ParsedModule parsed = WasmParser.parse(module, EnumSet.allOf(WasmFeature.class));
    this.sections = parsed.sections;
    List<Integer> found = new ArrayList<>();
    List<Integer> swappable = new ArrayList<>();
    scan(module, parsed, found, swappable);
    this.immediates = found.stream().mapToInt(Integer::intValue).toArray();
    this.opcodes = swappable.stream().mapToInt(Integer::intValue).toArray();
  }

  /** One mutant. */
  byte[] mutate(Random random) {
    int kind = random.nextInt(100);
    if (kind < 25) {
      return flipBytes(module.clone(), random, 1 + random.nextInt(3));
    } else if (kind < 45) {
      return bumpImmediate(module.clone(), random);
    } else if (kind < 55) {
      return swapOpcode(module.clone(), random);
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

  /** Replaces one instruction's opcode by another that takes the same immediates. */
  private byte[] swapOpcode(byte[] m, Random random) {
    if (opcodes.length == 0) {
      return flipBytes(m, random, 1);
    }
    int at = opcodes[random.nextInt(opcodes.length)];
    int[] group = SAME_SHAPE[shape(m[at] & 0xFF)];
    m[at] = (byte) group[random.nextInt(group.length)];
    return m;
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

  /** The {@link #SAME_SHAPE} group of {@code opcode}, or -1. */
  private static int shape(int opcode) {
    for (int g = 0; g < SAME_SHAPE.length; g++) {
      for (int o : SAME_SHAPE[g]) {
        if (o == opcode) {
          return g;
        }
      }
    }
    return -1;
  }

  /** Finds where index and alignment immediates start, and the opcodes {@link #SAME_SHAPE} can replace. */
  private static void scan(byte[] module, ParsedModule parsed, List<Integer> found, List<Integer> swappable) {
    WasmReader r = new WasmReader(module);
    InstructionDecoder decoder = new InstructionDecoder(r, new FeatureGate(EnumSet.allOf(WasmFeature.class), r));
    for (int f = 0; f < parsed.bodyStarts.length; f++) {
      r.pos(parsed.bodyStarts[f]);
      int groups = r.u32();
      for (int g = 0; g < groups; g++) {
        r.u32();
        r.u8();
      }
      decoder.begin();
      while (!decoder.done()) {
        int at = r.pos();
        int key = decoder.next();
        if (hasIndex(key)) {
          found.add(decoder.immediates);
        }
        if (key < Opcodes.FC_BASE && shape(key) >= 0) {
          swappable.add(at);
        }
      }
    }
  }

  /** Instructions whose first immediate is an index, or a memory access whose first is its alignment. */
  private static boolean hasIndex(int key) {
    return key >= 0x0C && key <= 0x11 && key != 0x0F || key >= 0x20 && key <= 0x26 || key >= 0x28 && key <= 0x3E
        || key == 0xD2 || key >= Opcodes.FC_BASE + 8 && key <= Opcodes.FC_BASE + 17;
  }
}
