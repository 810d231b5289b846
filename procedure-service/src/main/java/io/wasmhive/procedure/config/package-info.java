/**
 * Configuration of procedure-service: the {@code procedure.*} limits, and the policies they give platform-infra's
 * executor bean (whose pool the seed's {@code WASM_*} environment variables configure).
 */
package io.wasmhive.procedure.config;
