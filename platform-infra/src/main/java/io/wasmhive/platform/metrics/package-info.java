/**
 * Meters every service exports for operations, beside its own: {@link io.wasmhive.platform.metrics.RedisUpMeter}
 * ({@code wasmhive_redis_up}, whether this instance reached Redis lately, for the Redis-outage alert) and
 * {@link io.wasmhive.platform.metrics.WasmExecutorMeters} (the executor pool's workers, queue and tasks, bound where
 * a service runs guests). Prometheus, Grafana and the alert rules that read them are under {@code ops/}
 * (docs/operations.md).
 */
package io.wasmhive.platform.metrics;
