/**
 * Micrometer meters of procedure-service: calls by procedure, database and outcome, call, create and compile
 * latencies, and the executor's compiled-module cache; Spring Boot serves them at {@code /actuator/prometheus}.
 */
package io.wasmhive.procedure.metrics;
