/**
 * Configuration of procedure-service: the {@code procedure.*} limits and the {@code executor-core} bean built
 * from them and from the seed's {@code WASM_*} environment variables.
 */
package io.wasmhive.procedure.config;
