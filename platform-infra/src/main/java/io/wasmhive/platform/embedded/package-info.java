/**
 * Embedded defaults for a local run: when the environment names no MongoDB ({@code MONGODB_URI})
 * or Redis ({@code REDIS_URL}), a service starts a MongoDB stand-in (mongo-java-server on an H2
 * file under {@code wasmhive.data-dir}) and a real Redis server bound to 127.0.0.1, or joins the
 * ones another local service already serves on the same fixed ports, and points Spring's MongoDB
 * and Redis clients at them through connection details.
 *
 * <p>The public types are the auto-configuration, the environment post-processor that maps the
 * seed's variable names, and the configuration records; everything else is package-private.
 */
package io.wasmhive.platform.embedded;
