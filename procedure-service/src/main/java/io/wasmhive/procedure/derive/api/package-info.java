/**
 * The HTTP API of derivations ({@code /derivations}), namespaced by {@code X-Mindb-Database} like procedures, with
 * the service's error shape {@code {"error":{"code","message"}}} (the api package's advice answers every
 * {@link io.wasmhive.procedure.error.ProcedureException}).
 */
package io.wasmhive.procedure.derive.api;
