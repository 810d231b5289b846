package io.wasmhive.relay.names;

import java.time.Instant;

/**
 * One registered {@code name@version}: a document of {@code module_names}.
 *
 * @param name the module's name
 * @param version its version or tag (never {@code latest})
 * @param cid the CID it was registered with, in its v1 form
 * @param sha256 the SHA-256 of the module's bytes in the module store
 * @param owner who registered it
 * @param createdAt when; the most recent per name is its {@code latest}
 */
public record NameRecord(String name, String version, String cid, String sha256, String owner, Instant createdAt) {
}
