/**
 * A reusable HTTP fuzzer for the services' tests: it reads a running service's endpoints from Spring MVC's
 * {@code RequestMappingHandlerMapping}, sends seeded hostile requests to them over real HTTP (a raw socket, so that
 * malformed request lines and headers reach the server as written) and fails on the first 5xx, error body not in
 * the service's shape, or internal detail in a body, with the seed and the request that reproduces it.
 */
package io.wasmhive.platform.testing.httpfuzz;
