package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.InvalidModuleException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rewrites a validated module so the host can meter and cap it on any engine: basic-block gas charges,
 * capped {@code memory.grow}, bulk memory charged per byte, table instructions charged per element, the
 * start function exported instead of run, and the {@link Instrumentation} exports, including a call wrapper
 * per exported function. Nothing is imported and no existing index moves: globals, functions and types are
 * appended, and the parser has checked that no index in the original reaches them. Each memory's declared
 * maximum becomes at most the server's page cap and each table's at most the table cap, so the engine
 * itself enforces both even if an instrumented check were wrong. Extended constant expressions, which the
 * engine does not implement, are replaced by their value. Stateless and thread-safe; does not block.
 */
public final class Instrumenter {

  private static final byte[] MUT_I64_ZERO = {0x7E, 0x01, 0x42, 0x00, 0x0B};
  private static final byte[] MUT_I32_ZERO = {0x7F, 0x01, 0x41, 0x00, 0x0B};
  private static final String INITIALIZE = "_initialize";

  private Instrumenter() {
  }

  /** The server's caps the rewritten module declares: memory in 64 KiB pages, tables in elements. */
  public record Caps(long memoryPages, long tableElements) {

    /** No cap beyond what the binary format allows. */
    public static final Caps NONE = new Caps(65_536, 0xFFFF_FFFFL);
  }

  /**
   * Returns the instrumented module.
   *
   * @param original the bytes {@code parsed} came from
   * @param caps the memory and table maxima to declare; the module's initial sizes must lie within them
   * @throws IllegalArgumentException if {@code parsed} was not parsed from {@code original}, or exceeds a cap
   * @throws InvalidModuleException if the module cannot be rewritten
   */
  public static byte[] instrument(byte[] original, ParsedModule parsed, GasCosts costs, Caps caps) {
    if (parsed.size() != original.length) {
      throw new IllegalArgumentException("parsed module does not match the bytes");
    }
    if (parsed.unfoldable > 0) {
      throw new InvalidModuleException("an extended constant expression reads an imported global, which the host "
          + "cannot provide");
    }
    try {
      return new Instrumenter.Run(original, parsed, costs, caps).module();
    } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new InvalidModuleException("instrumenter defect", e);
    }
  }

  /** One rewrite: the rewritten bodies and the appended types, globals and functions. */
  private static final class Run {

    private final byte[] module;
    private final ParsedModule parsed;
    private final TypeTable types;
    private final InjectedFunctions injected;
    private final ByteSink bodies;
    private final int functionCount;
    private final int globalCount;
    private final boolean[] emitted = new boolean[14];
    private final Map<String, Integer> wrappers = new LinkedHashMap<>();
    private final Caps caps;

    Run(byte[] module, ParsedModule parsed, GasCosts costs, Caps caps) {
      this.module = module;
      this.parsed = parsed;
      this.caps = caps;
      this.types = new TypeTable(parsed.rawTypes);
      this.functionCount = parsed.importedFunctionCount() + parsed.definedFunctionCount();
      this.globalCount = parsed.importedGlobalCount() + parsed.definedGlobalCount();
      InjectedFunctions.Globals globals = new InjectedFunctions.Globals(globalCount, globalCount + 1, globalCount + 2);
      this.injected = new InjectedFunctions(functionCount, types, globals, parsed.tables(), caps.tableElements());
      this.bodies = new ByteSink(module.length + module.length / 4);
      rewriteBodies(costs, globals);
      addWrappers();
      appendInjectedBodies();
    }

    private void rewriteBodies(GasCosts costs, InjectedFunctions.Globals globals) {
      BodyRewriter rewriter = new BodyRewriter(module, costs, new GasCharge(globals.gas()), injected);
      for (int i = 0; i < parsed.bodyStarts.length; i++) {
        int params = TypeTable.params(typeOf(parsed.importedFunctionCount() + i)).length;
        ByteSink body = rewriter.rewrite(parsed.bodyStarts[i], parsed.bodyEnds[i], params);
        bodies.u32(body.size());
        bodies.sink(body);
      }
    }

    /** Appends a call wrapper for every exported function whose type leaves room for the extra values. */
    private void addWrappers() {
      int start = parsed.startFunction().orElse(-1);
      int init = initialize();
      for (ExportEntry e : parsed.exports().values()) {
        if (e.kind() != ExternKind.FUNC) {
          continue;
        }
        byte[] type = typeOf(e.index());
        byte[] params = TypeTable.params(type);
        byte[] results = TypeTable.results(type);
        if (params.length <= Instrumentation.MAX_WRAPPED_PARAMS
            && results.length <= Instrumentation.MAX_WRAPPED_RESULTS) {
          wrappers.put(Instrumentation.call(e.name()), injected.wrapper(e.index(), params, results, start, init));
        }
      }
    }

    /** The index of the {@code () -> ()} function exported as {@code _initialize}, or -1. */
    private int initialize() {
      ExportEntry e = parsed.exports().get(INITIALIZE);
      if (e == null || e.kind() != ExternKind.FUNC) {
        return -1;
      }
      byte[] type = typeOf(e.index());
      return TypeTable.params(type).length == 0 && TypeTable.results(type).length == 0 ? e.index() : -1;
    }

    private byte[] typeOf(int function) {
      return parsed.rawTypes.get(parsed.functionTypes[function]);
    }

    private void appendInjectedBodies() {
      for (InjectedFunctions.Function f : injected.functions()) {
        bodies.u32(f.body().length);
        bodies.bytes(f.body());
      }
    }

    byte[] module() {
      ByteSink out = new ByteSink(module.length + bodies.size() / 4 + 256);
      out.bytes(module, 0, 8);
      for (Section s : parsed.sections) {
        if (s.id() == Section.CUSTOM) {
          out.bytes(module, s.start(), s.end() - s.start());
          continue;
        }
        synthesizeBefore(Section.rank(s.id()), out);
        emitted[s.id()] = true;
        ByteSink payload = payload(s.id(), s);
        if (payload != null) {
          out.section(s.id(), payload);
        } else if (s.id() != Section.START) {
          out.bytes(module, s.start(), s.end() - s.start());
        }
      }
      synthesizeBefore(Integer.MAX_VALUE, out);
      return out.toArray();
    }

    /** Adds the sections the rewrite needs but the module lacks, in order, before {@code rank}. */
    private void synthesizeBefore(int rank, ByteSink out) {
      for (int id : new int[] {Section.TYPE, Section.FUNCTION, Section.GLOBAL, Section.EXPORT, Section.CODE}) {
        if (!emitted[id] && Section.rank(id) < rank) {
          emitted[id] = true;
          out.section(id, payload(id, null));
        }
      }
    }

    /** The new payload of section {@code id} ({@code s} null if absent), or null to keep it as is. */
    private ByteSink payload(int id, Section s) {
      return switch (id) {
        case Section.TYPE -> appended(s, types.added().size(), p -> types.added().forEach(p::bytes));
        case Section.FUNCTION -> appended(s, injected.functions().size(),
            p -> injected.functions().forEach(f -> p.u32(f.type())));
        case Section.TABLE -> Limits.tables(parsed.tables(), caps.tableElements());
        case Section.MEMORY -> Limits.memories(parsed.memories(), caps.memoryPages());
        case Section.ELEMENT, Section.DATA -> s.end() > s.payloadStart() && folds(s) ? appended(s, 0, p -> { }) : null;
        case Section.GLOBAL -> appended(s, 3, p -> {
          p.bytes(MUT_I64_ZERO);
          p.bytes(MUT_I32_ZERO);
          p.bytes(MUT_I32_ZERO);
        });
        case Section.EXPORT -> appended(s, (parsed.startFunction().isPresent() ? 4 : 3) + wrappers.size(),
            this::exports);
        case Section.CODE -> {
          ByteSink p = new ByteSink(bodies.size() + 5);
          p.u32(parsed.definedFunctionCount() + injected.functions().size());
          p.sink(bodies);
          yield p;
        }
        default -> null;
      };
    }

    private void exports(ByteSink p) {
      export(p, Instrumentation.SET_LIMITS, injected.setLimits());
      export(p, Instrumentation.GAS_LEFT, injected.gasLeft());
      export(p, Instrumentation.MEMORY_DENIED, injected.memoryDenied());
      parsed.startFunction().ifPresent(start -> export(p, Instrumentation.START, start));
      wrappers.forEach((name, function) -> export(p, name, function));
    }

    private static void export(ByteSink p, String name, int function) {
      p.name(name);
      p.u8(0x00);
      p.u32(function);
    }

    /** A vector section: the original entries (if any) followed by {@code extra} appended ones. */
    private ByteSink appended(Section s, int extra, Consumer<ByteSink> append) {
      int count = 0;
      int entries = 0;
      int end = 0;
      if (s != null) {
        WasmReader r = new WasmReader(module);
        r.pos(s.payloadStart());
        count = r.u32();
        entries = r.pos();
        end = s.end();
      }
      ByteSink p = new ByteSink(end - entries + 64);
      p.u32(count + extra);
      copyFolding(p, entries, end);
      append.accept(p);
      return p;
    }

    /** Whether an extended constant expression lies in section {@code s}. */
    private boolean folds(Section s) {
      return ConstantFolding.contains(parsed.folds, s.payloadStart(), s.end());
    }

    /** Copies {@code module[from, to)}, writing each extended constant expression in it as one constant. */
    private void copyFolding(ByteSink p, int from, int to) {
      ConstantFolding.copy(p, module, parsed.folds, from, to);
    }
  }
}
