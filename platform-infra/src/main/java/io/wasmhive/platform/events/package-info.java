/**
 * The event bus port: publish past-tense event records as JSON to named streams, alone or several
 * together under a guard on a key ({@link io.wasmhive.platform.events.EventBus#publishIf}); consume
 * them with consumer groups, acknowledgement after handling, retry by reclaim and a dead-letter
 * stream; or follow a stream without a group ({@link io.wasmhive.platform.events.EventBus#follow}),
 * every follower seeing every entry.
 *
 * <p>Callers need only this package: {@link io.wasmhive.platform.events.EventBus}, the
 * {@link io.wasmhive.platform.events.EventName} annotation that gives an event record its wire
 * name, {@link io.wasmhive.platform.events.Subscription} with its
 * {@link io.wasmhive.platform.events.ConsumerOptions}, {@link io.wasmhive.platform.events.Follower}
 * with its {@link io.wasmhive.platform.events.FollowOptions}, and the exceptions a handler throws to
 * say whether a failure is worth retrying. The records that cross services are in
 * {@code io.wasmhive.platform.events.contract}; the Redis streams adapter lives in
 * {@code io.wasmhive.platform.events.redis}; the Spring wiring in
 * {@code io.wasmhive.platform.events.autoconfigure}. The wire format is documented in
 * {@code docs/events.md}.
 */
package io.wasmhive.platform.events;
