/**
 * What every service does to its environment before binding its settings:
 * {@link io.wasmhive.platform.environment.VariableAliases} maps the seeds' environment variable names that are not
 * their properties' own ({@code REDIS_URL}, {@code WASM_MAX_WORKERS}, {@code RELAY_RATE_LIMIT}, …) onto those
 * properties, without a default of their own.
 */
package io.wasmhive.platform.environment;
