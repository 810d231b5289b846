/**
 * The HTTP API of seed 003 ({@code /procedures}, {@code /health}): snake_case JSON bodies, the
 * {@code X-Mindb-Database} namespace header, the request body limit, and the one place errors become
 * {@code {"error":{"code","message"}}}.
 */
package io.wasmhive.procedure.api;
