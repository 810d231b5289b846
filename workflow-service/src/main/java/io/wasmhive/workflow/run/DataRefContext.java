package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's serialized {@code DataRefContext}: {@code {"chainBlocks":{"8453":"123"},"resolvedRefs":[…]}}, chain id →
 * decimal block number and every {@code $ref:} read, in the order they were read.
 */
@JsonPropertyOrder({"chainBlocks", "resolvedRefs"})
public record DataRefContext(Map<String, String> chainBlocks, List<ResolvedDataRef> resolvedRefs) {

  public DataRefContext {
    chainBlocks = chainBlocks == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(chainBlocks));
    resolvedRefs = resolvedRefs == null ? List.of() : List.copyOf(resolvedRefs);
  }

  /** The pinned blocks as numbers (chain id → block). */
  Map<Long, Long> pins() {
    Map<Long, Long> pins = new java.util.TreeMap<>();
    chainBlocks.forEach((chain, block) -> pins.put(Long.parseLong(chain), Long.parseLong(block)));
    return pins;
  }
}
