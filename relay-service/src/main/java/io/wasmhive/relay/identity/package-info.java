/** Who sent a request: principal, or the seed's identity headers when the deployment allows them. */
package io.wasmhive.relay.identity;
