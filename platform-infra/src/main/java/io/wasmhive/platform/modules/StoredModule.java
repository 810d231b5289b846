package io.wasmhive.platform.modules;

import java.time.Instant;
import java.util.Set;

/**
 * A stored module's addresses and metadata (its bytes come from {@link ModuleStore#bytes}).
 *
 * @param sha256 SHA-256 hex of the bytes (the seed's {@code hash})
 * @param size bytes
 * @param cidV0 what {@code ipfs add} prints: CIDv0 of the default UnixFS layout (256 KiB chunks, balanced DAG)
 * @param cidV1 what {@code ipfs add --cid-version=1} prints: raw leaves, so {@code bafkrei…} for a single chunk
 * @param cids every CID known to name the bytes, each in its canonical v1 form (the two above and any the
 *     indexer verified)
 * @param aliases other ids clients use for the module
 * @param sources how the module arrived, each source once
 * @param storedAt when it was first stored (the seed's {@code storedAt})
 */
public record StoredModule(String sha256, long size, String cidV0, String cidV1, Set<String> cids,
    Set<String> aliases, Set<String> sources, Instant storedAt) {

  public StoredModule {
    cids = Set.copyOf(cids);
    aliases = Set.copyOf(aliases);
    sources = Set.copyOf(sources);
  }
}
