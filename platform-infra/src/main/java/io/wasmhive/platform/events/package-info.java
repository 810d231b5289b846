/**
 * The event bus port: publish past-tense event records as JSON to named streams, and consume them
 * with consumer groups, acknowledgement after handling, retry by reclaim, and a dead-letter stream.
 *
 * <p>Callers need only this package: {@link io.wasmhive.platform.events.EventBus}, the
 * {@link io.wasmhive.platform.events.EventName} annotation that gives an event record its wire
 * name, {@link io.wasmhive.platform.events.Subscription} with its
 * {@link io.wasmhive.platform.events.ConsumerOptions}, and the exceptions a handler throws to say
 * whether a failure is worth retrying. The Redis streams adapter lives in
 * {@code io.wasmhive.platform.events.redis}; the Spring wiring in
 * {@code io.wasmhive.platform.events.autoconfigure}. The wire format is documented in
 * {@code docs/events.md}.
 */
package io.wasmhive.platform.events;
