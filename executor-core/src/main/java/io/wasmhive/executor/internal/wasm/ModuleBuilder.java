package io.wasmhive.executor.internal.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the parser has learned so far: every index space with its types, which the validator checks each
 * index against. Turned into an immutable {@link ParsedModule} at the end.
 */
final class ModuleBuilder {

  final List<Section> sections = new ArrayList<>();
  final List<byte[]> rawTypes = new ArrayList<>();
  final List<byte[]> typeParams = new ArrayList<>();
  final List<byte[]> typeResults = new ArrayList<>();
  final List<FuncSignature> signatures = new ArrayList<>();
  final List<ImportEntry> imports = new ArrayList<>();
  final Map<String, ExportEntry> exports = new LinkedHashMap<>();
  final List<MemoryInfo> memories = new ArrayList<>();
  final List<TableInfo> tables = new ArrayList<>();
  int[] functionTypes = new int[16];
  int functionCount;
  int importedFunctions;
  byte[] globalTypes = new byte[16];
  boolean[] globalMutable = new boolean[16];
  int globalCount;
  int importedGlobals;
  byte[] elementTypes = new byte[16];
  int elementCount;
  /** The data count section's value, or -1 without one. */
  int dataCount = -1;
  int dataSegments;
  /** Functions a {@code ref.func} in code may name: those referenced outside function bodies. */
  final BitSet declaredRefs = new BitSet();
  /**
   * The constant expressions that use extended-const instructions, which the engine does not know: for
   * each {@code {start, end, type, value}}, the instrumenter writes one constant instead. An expression
   * that reads a global cannot be folded and has no entry; {@link #unfoldable} counts those.
   */
  final List<long[]> folds = new ArrayList<>();
  int unfoldable;
  int tags;
  int start = -1;
  int[] bodyStarts = new int[0];
  int[] bodyEnds = new int[0];

  void addType(byte[] raw, byte[] params, byte[] results, FuncSignature signature) {
    rawTypes.add(raw);
    typeParams.add(params);
    typeResults.add(results);
    signatures.add(signature);
  }

  void addFunction(int typeIndex) {
    if (functionCount == functionTypes.length) {
      functionTypes = Arrays.copyOf(functionTypes, functionCount * 2);
    }
    functionTypes[functionCount++] = typeIndex;
  }

  void addGlobal(byte type, boolean mutable) {
    if (globalCount == globalTypes.length) {
      globalTypes = Arrays.copyOf(globalTypes, globalCount * 2);
      globalMutable = Arrays.copyOf(globalMutable, globalCount * 2);
    }
    globalTypes[globalCount] = type;
    globalMutable[globalCount++] = mutable;
  }

  void addElement(byte type) {
    if (elementCount == elementTypes.length) {
      elementTypes = Arrays.copyOf(elementTypes, elementCount * 2);
    }
    elementTypes[elementCount++] = type;
  }

  FuncSignature signatureOfFunction(int index) {
    return signatures.get(functionTypes[index]);
  }

  byte[] paramsOfFunction(int index) {
    return typeParams.get(functionTypes[index]);
  }

  byte[] resultsOfFunction(int index) {
    return typeResults.get(functionTypes[index]);
  }
}
