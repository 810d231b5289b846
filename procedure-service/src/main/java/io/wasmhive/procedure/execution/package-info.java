/**
 * Calling procedures: JSON arguments checked and converted to WebAssembly values (count, type, range), the
 * call run on the executor under the procedure's limits, and the result converted back. A module missing
 * from the executor's cache (after a restart or an eviction) is registered again from its stored bytes.
 */
package io.wasmhive.procedure.execution;
