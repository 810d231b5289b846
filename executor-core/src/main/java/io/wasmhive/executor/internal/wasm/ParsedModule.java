package io.wasmhive.executor.internal.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A checked module's interface (types, imports, exports, memories, start function) plus the section
 * and function-body layout the {@link Instrumenter} needs. Immutable and thread-safe.
 */
public final class ParsedModule {

  private final int size;
  private final List<FuncSignature> signatures;
  private final List<ImportEntry> imports;
  private final Map<String, ExportEntry> exports;
  private final List<MemoryInfo> memories;
  private final List<TableInfo> tables;
  private final int importedFunctions;
  private final int definedFunctions;
  private final int importedGlobals;
  private final int definedGlobals;
  private final int start;
  final List<Section> sections;
  final List<byte[]> rawTypes;
  final int[] functionTypes;
  final int[] bodyStarts;
  final int[] bodyEnds;
  /** Extended constant expressions to replace by their value: see {@link ModuleBuilder#folds}. */
  final List<long[]> folds;
  final int unfoldable;

  ParsedModule(int size, ModuleBuilder b) {
    this.size = size;
    this.signatures = Collections.unmodifiableList(new ArrayList<>(b.signatures));
    this.imports = List.copyOf(b.imports);
    this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(b.exports));
    this.memories = List.copyOf(b.memories);
    this.tables = List.copyOf(b.tables);
    this.folds = List.copyOf(b.folds);
    this.unfoldable = b.unfoldable;
    this.importedFunctions = b.importedFunctions;
    this.definedFunctions = b.functionCount - b.importedFunctions;
    this.importedGlobals = b.importedGlobals;
    this.definedGlobals = b.globalCount - b.importedGlobals;
    this.start = b.start;
    this.sections = List.copyOf(b.sections);
    this.rawTypes = List.copyOf(b.rawTypes);
    this.functionTypes = Arrays.copyOf(b.functionTypes, b.functionCount);
    this.bodyStarts = b.bodyStarts;
    this.bodyEnds = b.bodyEnds;
  }

  /** Length in bytes of the module this was parsed from. */
  public int size() {
    return size;
  }

  /** Imports in declaration order. */
  public List<ImportEntry> imports() {
    return imports;
  }

  /** Exports by name, in declaration order. */
  public Map<String, ExportEntry> exports() {
    return exports;
  }

  /** The signature of the exported function {@code name}; empty if absent, not a function, or not number-typed. */
  public Optional<FuncSignature> signatureOfExport(String name) {
    ExportEntry e = exports.get(name);
    return e == null ? Optional.empty() : Optional.ofNullable(e.signature());
  }

  /** Number of entries in the type section. */
  public int typeCount() {
    return signatures.size();
  }

  /** The signature of type {@code index}; empty when it uses v128 or reference types. */
  public Optional<FuncSignature> signatureOfType(int index) {
    return Optional.ofNullable(signatures.get(index));
  }

  /** The signature of function {@code index} (imports first); empty when not number-typed. */
  public Optional<FuncSignature> signatureOfFunction(int index) {
    return Optional.ofNullable(signatures.get(functionTypes[index]));
  }

  /** All memories, imported ones first. */
  public List<MemoryInfo> memories() {
    return memories;
  }

  /** All tables, imported ones first. */
  public List<TableInfo> tables() {
    return tables;
  }

  /** Memory 0, imported or defined, if the module has one. */
  public Optional<MemoryInfo> memory() {
    return memories.isEmpty() ? Optional.empty() : Optional.of(memories.get(0));
  }

  /** The start function's index, if the module has a start section. */
  public OptionalInt startFunction() {
    return start < 0 ? OptionalInt.empty() : OptionalInt.of(start);
  }

  public int importedFunctionCount() {
    return importedFunctions;
  }

  public int definedFunctionCount() {
    return definedFunctions;
  }

  public int importedGlobalCount() {
    return importedGlobals;
  }

  public int definedGlobalCount() {
    return definedGlobals;
  }
}
