/**
 * Module registration: size and SHA-256, parsing and feature checks, the import check against the host
 * catalog, instrumentation, compilation once per id, and the bounded LRU cache of compiled modules.
 */
package io.wasmhive.executor.internal.registry;
