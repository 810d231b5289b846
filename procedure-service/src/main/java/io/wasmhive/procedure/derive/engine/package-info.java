/**
 * Applies messages to a derivation's database: {@link io.wasmhive.procedure.derive.engine.DerivationEngine} runs the
 * reducer on the executor in deterministic mode, in one transaction per message, and answers applied or rejected
 * with a reason that is the same on every replay; {@link io.wasmhive.procedure.derive.engine.ReducerDatabase}
 * answers the reducer's {@code db} imports.
 */
package io.wasmhive.procedure.derive.engine;
