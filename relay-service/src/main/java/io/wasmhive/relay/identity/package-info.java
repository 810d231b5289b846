/**
 * Who sent a request: the authenticated caller in secure mode; the seed's identity headers (or anonymous) in local
 * mode.
 */
package io.wasmhive.relay.identity;
