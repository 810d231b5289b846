/**
 * The wire contract between services: every event record that crosses a service boundary, once, and
 * {@link io.wasmhive.platform.events.contract.Streams}, the table of the streams that carry them.
 * Publishers and consumers in any service import these records; {@code docs/events.md} describes the
 * same streams and fields, checked against this package by a test. A record changes compatibly by
 * gaining a component; removing or renaming one needs a new wire name.
 */
package io.wasmhive.platform.events.contract;
