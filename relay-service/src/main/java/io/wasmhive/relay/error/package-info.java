/**
 * The relay's errors: {@link io.wasmhive.relay.error.RelayError}, every code with its HTTP status and whether a
 * retry may succeed; {@link io.wasmhive.relay.error.RelayException}, the one exception a request is refused with;
 * and {@link io.wasmhive.relay.error.RelayErrors}, the one advice that renders them for every controller and the
 * SSE servlet, in seed 001's shape {@code {"success":false,"error":{"code","message",…}}}.
 */
package io.wasmhive.relay.error;
