/**
 * The guards of the pipeline: rate limit (stage 1), idempotency (stage 3) and permission (stage 4). The
 * interfaces are the contract the pipeline uses; {@link io.wasmhive.relay.guard.GuardConfiguration} builds
 * them from {@code relay.rate-limit}, {@code relay.idempotency} and {@code relay.permission}: the rate limit and
 * idempotency in Redis with an in-process fallback (one shared failover class), the permission check from
 * configured and MongoDB rules and an optional remote service that fails closed. See
 * {@code docs/adr/0008-relay-guards.md}.
 */
package io.wasmhive.relay.guard;
