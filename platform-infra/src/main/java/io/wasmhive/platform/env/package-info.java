/**
 * The seeds' environment variable names in a Spring environment: {@link io.wasmhive.platform.env.VariableAliases}
 * maps them onto the property names Spring binds, for the post-processors of {@code embedded} ({@code MONGODB_URI},
 * {@code REDIS_URL}) and {@code executor} ({@code WASM_*}).
 */
package io.wasmhive.platform.env;
