/**
 * The dashboard at {@code /ui/}: its static assets (plain ES modules and CSS in the jar, no build step, public),
 * {@code /ui/config.json} with the other services' base URLs from {@code relay.ui}, and {@code /ui/pool}, the
 * executor pool and the relay's counters as JSON for its live chart. ADR 0026.
 */
package io.wasmhive.relay.ui;
