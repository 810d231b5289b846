/**
 * The event bus on Redis streams, through Spring Data Redis and its Lettuce driver:
 * {@link io.wasmhive.platform.events.redis.RedisStreamEventBus} publishes with {@code XADD MAXLEN},
 * and each subscription's workers read with {@code XREADGROUP}, acknowledge with {@code XACK},
 * reclaim idle pending entries with {@code XAUTOCLAIM} and dead-letter with one script that adds to
 * the dead-letter stream and acknowledges together. Only the bus is public.
 */
package io.wasmhive.platform.events.redis;
