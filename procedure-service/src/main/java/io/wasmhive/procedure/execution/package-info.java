/**
 * Calling procedures: JSON arguments checked and converted to WebAssembly values (count and BOOL here, numbers by
 * platform-infra's {@code WasmJson}), the call run on the executor under the procedure's limits, and the result
 * converted back. A module missing from the executor's cache (after a restart or an eviction) is read from the
 * module store by the executor itself, whose module source it is.
 */
package io.wasmhive.procedure.execution;
