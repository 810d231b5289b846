/**
 * Where derivations live in MongoDB: the derivation itself ({@code derivations}), its append-only message log with
 * its hash chain ({@code derivation_messages}, immutable once written) and its snapshots
 * ({@code derivation_snapshots}), behind {@link io.wasmhive.procedure.derive.store.DerivationStore}.
 */
package io.wasmhive.procedure.derive.store;
