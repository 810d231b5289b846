package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.util.Set;

/**
 * Decodes and validates a WebAssembly binary completely: structure, the allowed proposals, the
 * {@link StructureCaps}, every index space and every constant expression, and each function body by the
 * specification's operand-stack typing ({@link CodeValidator}). Only a module that passes is instrumented,
 * so nothing in it can name a function, global or type the instrumenter appends. Stateless and thread-safe.
 */
public final class WasmParser {

  /** Imports and exports may not use names with this prefix; the instrumenter owns them. */
  public static final String RESERVED_PREFIX = "__wasmhive_";

  private static final int MAGIC = 0x6D736100;

  private WasmParser() {
  }

  /**
   * Parses {@code bytes}, allowing only the proposals in {@code allowed}. Does not block.
   *
   * @throws InvalidModuleException if the bytes are malformed or exceed a cap; the message names section and offset
   * @throws DisallowedFeatureException if the module uses a proposal outside {@code allowed}
   */
  public static ParsedModule parse(byte[] bytes, Set<WasmFeature> allowed) {
    WasmReader r = new WasmReader(bytes);
    try {
      return new WasmParser.Run(r, new FeatureGate(allowed, r)).module();
    } catch (IndexOutOfBoundsException | NegativeArraySizeException | ArithmeticException
         | IllegalStateException e) {
      // Every read is bounds-checked, so this is a parser defect; still report it as the module's fault.
      throw new InvalidModuleException("parser defect while reading " + r.where() + " at offset 0x"
          + Integer.toHexString(r.pos()), e);
    }
  }

  static void checkNotReserved(WasmReader r, String shown, String name) {
    if (name.startsWith(RESERVED_PREFIX)) {
      throw r.error("name \"" + shown + "\" uses the reserved prefix " + RESERVED_PREFIX);
    }
  }

  /** One parse: the reader, the gate and what has been learned so far. */
  private static final class Run {

    private final WasmReader r;
    private final FeatureGate gate;
    private final ModuleBuilder m = new ModuleBuilder();
    private final DeclarationSections declarations;
    private final SegmentSections segments;

    Run(WasmReader reader, FeatureGate gate) {
      this.r = reader;
      this.gate = gate;
      ConstExpressions constants = new ConstExpressions(r, gate, m);
      this.declarations = new DeclarationSections(r, gate, m, constants);
      this.segments = new SegmentSections(r, gate, m, declarations, constants);
    }

    ParsedModule module() {
      header();
      int lastRank = 0;
      while (!r.atEnd()) {
        lastRank = section(lastRank);
      }
      r.where("module");
      if (m.functionCount > m.importedFunctions && m.bodyEnds.length == 0) {
        throw r.error("function section without code section");
      }
      if (m.dataCount > 0 && m.dataSegments == 0) {
        throw r.error("the data count section says " + m.dataCount + " segments, but there is no data section");
      }
      return new ParsedModule(r.bytes().length, m);
    }

    private void header() {
      if (r.remaining() < 8) {
        throw r.error("too short for a WebAssembly module");
      }
      int magic = r.u8() | r.u8() << 8 | r.u8() << 16 | r.u8() << 24;
      int version = r.u8() | r.u8() << 8 | r.u8() << 16 | r.u8() << 24;
      if (magic != MAGIC) {
        throw r.error("bad magic number (not a WebAssembly binary)", 0);
      }
      if (version != 1) {
        throw r.error("unsupported binary version " + version, 4);
      }
    }

    private int section(int lastRank) {
      int start = r.pos();
      r.where("section header");
      int id = r.u8();
      if (!Section.known(id)) {
        throw r.error("unknown section id " + id, start);
      }
      r.where(Section.name(id));
      int size = r.count(1, Integer.MAX_VALUE, "section length");
      int payload = r.pos();
      int end = payload + size;
      int rank = lastRank;
      if (id != Section.CUSTOM) {
        rank = Section.rank(id);
        if (rank <= lastRank) {
          throw r.error("section out of order or repeated", start);
        }
      }
      int outer = r.limit();
      r.limit(end);
      body(id);
      if (r.pos() != end) {
        throw r.error("section size mismatch: " + (end - r.pos()) + " bytes left over");
      }
      r.limit(outer);
      m.sections.add(new Section(id, start, payload, end));
      return rank;
    }

    private void body(int id) {
      switch (id) {
        case Section.CUSTOM -> {
          r.name(StructureCaps.MAX_NAME_BYTES);
          r.skip(r.remaining());
        }
        case Section.TYPE -> declarations.types();
        case Section.IMPORT -> declarations.imports();
        case Section.FUNCTION -> declarations.functions();
        case Section.TABLE -> declarations.tables();
        case Section.MEMORY -> declarations.memories();
        case Section.GLOBAL -> declarations.globals();
        case Section.EXPORT -> segments.exports();
        case Section.START -> segments.start();
        case Section.ELEMENT -> segments.elements();
        case Section.CODE -> new CodeSection(r, gate, m).bodies();
        case Section.DATA -> segments.data();
        case Section.DATA_COUNT -> segments.dataCount();
        case Section.TAG -> declarations.tagSection();
        default -> throw r.error("unknown section id " + id);
      }
    }
  }
}
