/**
 * The SQL side of a derivation: {@link io.wasmhive.procedure.derive.sql.DerivationDatabase} (one in-memory database
 * per derivation behind {@link io.wasmhive.procedure.derive.sql.SqlEngine}, so the engine can be swapped),
 * {@link io.wasmhive.procedure.derive.sql.SqlGuard} (what SQL a reducer may run) and
 * {@link io.wasmhive.procedure.derive.sql.StateDump} (the canonical dump behind the state hash, the size bound and
 * snapshots). Knows nothing of WebAssembly, HTTP or MongoDB.
 */
package io.wasmhive.procedure.derive.sql;
