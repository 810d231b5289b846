/** The relay's own health report. */
package io.wasmhive.relay.health;
