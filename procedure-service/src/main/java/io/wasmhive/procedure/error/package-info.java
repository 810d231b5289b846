/**
 * The service's error vocabulary: {@link io.wasmhive.procedure.error.ErrorCode}, the stable codes of the wire
 * format {@code {"error":{"code","message"}}} with their HTTP status, and
 * {@link io.wasmhive.procedure.error.ProcedureException}, the one unchecked exception every feature throws.
 */
package io.wasmhive.procedure.error;
