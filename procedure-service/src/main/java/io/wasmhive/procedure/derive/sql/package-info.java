/**
 * The SQL side of a derivation: {@link io.wasmhive.procedure.derive.sql.DerivationDatabase} (one in-memory database
 * per derivation behind {@link io.wasmhive.procedure.derive.sql.SqlEngine}: {@link
 * io.wasmhive.procedure.derive.sql.SqliteEngine}, SQLite in WebAssembly, by default, or
 * {@link io.wasmhive.procedure.derive.sql.H2Engine}; {@link io.wasmhive.procedure.derive.sql.SqlEngines} by name),
 * {@link io.wasmhive.procedure.derive.sql.SqlGuard} (what SQL a reducer may run) and
 * {@link io.wasmhive.procedure.derive.sql.StateDump} (the canonical dump behind the state hash, the size bound and
 * snapshots). Knows nothing of reducers, HTTP or MongoDB.
 */
package io.wasmhive.procedure.derive.sql;
