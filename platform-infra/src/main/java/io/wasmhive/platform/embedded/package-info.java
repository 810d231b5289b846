/**
 * Embedded defaults for a local run: when the environment names no MongoDB ({@code MONGODB_URI})
 * or Redis ({@code REDIS_URL}), a service starts a MongoDB stand-in (mongo-java-server on an H2
 * file under {@code wasmhive.data-dir}) and a real Redis server bound to 127.0.0.1, or joins the
 * ones another local service already serves on the same fixed ports, and points Spring's MongoDB
 * and Redis clients at them through connection details. What they acknowledge survives a kill -9
 * (the MongoDB stand-in commits before it replies, Redis keeps an append-only file), and the
 * embedded Redis does not outlive the service that started it (a watchdog process, and an owner
 * note by which the next start stops an orphan); ADR 0029.
 *
 * <p>The public types are the auto-configuration, the environment post-processor that maps the
 * seed's variable names, and the configuration records; everything else is package-private.
 */
package io.wasmhive.platform.embedded;
