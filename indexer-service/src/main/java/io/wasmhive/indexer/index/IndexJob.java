package io.wasmhive.indexer.index;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One CID to index and how far it got. Immutable.
 *
 * @param key the CID in canonical v1 form (a v0 CID and its v1 form are one job)
 * @param cid the CID as first requested
 * @param status where the job is
 * @param attempts fetches started so far
 * @param error why the last attempt failed, or {@code null}
 * @param gatewayFailures each gateway's failure in the last failed attempt, e.g. {@code "https://a: NOT_FOUND ..."}
 * @param sha256 the stored module's SHA-256 once pinned, else {@code null}
 * @param aliases ids to record on the module (for example the registry id the chain watcher saw)
 * @param createdAt when it was first requested
 * @param updatedAt when it last changed
 * @param leaseUntil while pinning: when another indexer may take the job over
 * @param registryAliases those of {@code aliases} the chain watcher asked for: the only ones the job may point
 *     when the on-chain registry owns them
 */
public record IndexJob(String key, String cid, IndexStatus status, int attempts, String error,
    List<String> gatewayFailures, String sha256, Set<String> aliases, Instant createdAt, Instant updatedAt,
    Instant leaseUntil, Set<String> registryAliases) {

  public IndexJob {
    gatewayFailures = gatewayFailures == null ? List.of() : List.copyOf(gatewayFailures);
    aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    registryAliases = registryAliases == null ? Set.of() : Set.copyOf(registryAliases);
  }
}
