/**
 * What a stored procedure is and where it lives: the {@link io.wasmhive.procedure.store.Procedure} model, the
 * ports {@link io.wasmhive.procedure.store.ProcedureStore} and {@link io.wasmhive.procedure.store.ModuleBytesStore},
 * and their MongoDB adapters (collections {@code procedures} and {@code wasm_modules}).
 */
package io.wasmhive.procedure.store;
