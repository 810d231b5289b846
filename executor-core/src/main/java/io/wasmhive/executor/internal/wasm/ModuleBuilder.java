package io.wasmhive.executor.internal.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the parser has learned so far; turned into an immutable {@link ParsedModule} at the end. */
final class ModuleBuilder {

    final List<Section> sections = new ArrayList<>();
    final List<byte[]> rawTypes = new ArrayList<>();
    final List<FuncSignature> signatures = new ArrayList<>();
    final List<ImportEntry> imports = new ArrayList<>();
    final Map<String, ExportEntry> exports = new LinkedHashMap<>();
    final List<MemoryInfo> memories = new ArrayList<>();
    final List<Boolean> globalMutable = new ArrayList<>();
    int[] functionTypes = new int[16];
    int functionCount;
    int importedFunctions;
    int importedGlobals;
    int tables;
    int tags;
    int start = -1;
    int[] bodyStarts = new int[0];
    int[] bodyEnds = new int[0];

    void addFunction(int typeIndex) {
        if (functionCount == functionTypes.length) {
            functionTypes = Arrays.copyOf(functionTypes, functionCount * 2);
        }
        functionTypes[functionCount++] = typeIndex;
    }

    boolean[] memory64() {
        boolean[] flags = new boolean[memories.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = memories.get(i).memory64();
        }
        return flags;
    }

    FuncSignature signatureOfFunction(int index) {
        return signatures.get(functionTypes[index]);
    }
}
