package io.wasmhive.procedure.derive.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/** A snapshot in {@code derivation_snapshots}; the id is {@code derivation:position}. */
@Document("derivation_snapshots")
record SnapshotDocument(
    @Id String id,
    String derivation,
    long position,
    byte[] dump,
    @Field("state_hash") String stateHash) {
}
