/**
 * The Spring wiring of the event bus: an auto-configuration that, in a service on Redis, creates
 * the {@link io.wasmhive.platform.events.EventBus} bean from {@code wasmhive.events.*}, and a
 * lifecycle that starts every {@link io.wasmhive.platform.events.Subscription} bean when the
 * context starts and stops them, before the Redis connections close, when it stops.
 */
package io.wasmhive.platform.events.autoconfigure;
