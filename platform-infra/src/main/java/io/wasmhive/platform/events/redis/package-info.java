/**
 * The event bus on Redis streams, through Spring Data Redis and its Lettuce driver:
 * {@link io.wasmhive.platform.events.redis.RedisStreamEventBus} publishes with {@code XADD MAXLEN}
 * (under a guard, with one script that checks and writes a key and adds the entries together); each
 * subscription's workers read with {@code XREADGROUP}, acknowledge with {@code XACK}, reclaim idle
 * pending entries with {@code XAUTOCLAIM} and dead-letter with one script that adds to the
 * dead-letter stream and acknowledges together; each follow reads with plain {@code XREAD}. One
 * envelope codec and one back-off serve them all. Only the bus is public.
 */
package io.wasmhive.platform.events.redis;
