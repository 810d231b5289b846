/**
 * Who a caller is, the same way on every service: API keys an administrator issues (hashed in MongoDB), JWT bearer
 * tokens of an external identity provider, identity headers only from trusted proxies, or — on loopback only —
 * the local mode of a developer's machine. The services decide what a {@link io.wasmhive.platform.security.Caller}
 * may do; this package decides who it is, refuses a reachable listener without authentication, and keeps CORS
 * closed unless origins are configured.
 */
package io.wasmhive.platform.security;
