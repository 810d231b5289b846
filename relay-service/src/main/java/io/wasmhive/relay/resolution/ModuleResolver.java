package io.wasmhive.relay.resolution;

import java.time.Duration;

/**
 * Stage 5 of the pipeline: a module reference to stored bytes. CIDs are looked up in the module store; a CID
 * that is missing is published as an index request and waited for (bounded by {@code wait}); a
 * {@code glyph://name@version} reference resolves through the name registry.
 */
public interface ModuleResolver {

  /** Throws {@link ModuleNotFoundException} naming what was tried when nothing resolves in time. */
  ResolvedModule resolve(String reference, Duration wait);
}
