/**
 * Fetching WebAssembly modules by CID from the configured IPFS gateways, with the trustless gateway protocol.
 *
 * <p>It owns one entry point, {@link io.wasmhive.indexer.fetch.ModuleFetcher#fetch}, its result
 * {@link io.wasmhive.indexer.fetch.FetchedModule}, its error {@link io.wasmhive.indexer.fetch.ModuleFetchException}
 * with the {@link io.wasmhive.indexer.fetch.GatewayFailure}s that led to it, and the {@code indexer.fetch.*}
 * configuration ({@link io.wasmhive.indexer.fetch.FetchProperties}; {@code IPFS_GATEWAYS} sets the gateways).
 *
 * <p>How a fetch goes: a raw CID is asked for as one block ({@code ?format=raw}), a dag-pb CID as a CAR
 * ({@code ?format=car}); every block is verified against its CID and the file reassembled, reading no further than
 * the size limit; the result must start with the WebAssembly magic and version 1. One <em>round</em> asks the
 * gateways in their configured order, hedged: the next gateway starts when the previous one has not answered within
 * the hedge delay, or at once when it failed; the first verified module wins and the other requests are aborted.
 * A round that fails with at least one retryable failure (timeout, connection, 5xx, 429, bad bytes) is retried with
 * exponential backoff (Resilience4j). A CID that every gateway answered 404 for is not retried here: the job layer
 * decides whether to ask again later. Gateway URLs come from configuration only, and appear in messages, logs and
 * metrics with their credentials masked.
 */
package io.wasmhive.indexer.fetch;
