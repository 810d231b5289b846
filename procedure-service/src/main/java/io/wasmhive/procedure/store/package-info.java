/**
 * What a stored procedure is and where it lives: the {@link io.wasmhive.procedure.store.Procedure} model, the
 * port {@link io.wasmhive.procedure.store.ProcedureStore} and its MongoDB adapter (collection {@code procedures}).
 * Module bytes live once per SHA-256 in the shared module store of platform-infra ({@code wasm_modules}).
 */
package io.wasmhive.procedure.store;
