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
 * the size limit and within the read budget of that limit (each block verified and decoded once, repeat visits of
 * shared blocks bounded: {@link io.wasmhive.platform.ipfs.ReadBudget}); the result must start with the WebAssembly
 * magic and version 1. A reader thread interrupted by a timeout or a cancelled hedge stops at the next node. One
 * <em>round</em> asks the gateways in their configured order, hedged: the next gateway starts when the previous one
 * has not answered within the hedge delay, or at once when it failed; the first verified module wins and the other
 * requests are aborted. A round that fails with at least one retryable failure (timeout, connection, 5xx, 429, bad
 * bytes) is retried with exponential backoff (Resilience4j). A CID that every gateway answered 404 for is not retried
 * here: the job layer decides whether to ask again later. Two failures are conclusive and end the fetch at once, all
 * gateways included: verified bytes that are not WebAssembly ({@code NOT_WASM}) and a DAG too complex to walk
 * ({@code DAG_TOO_COMPLEX}); blocks are verified, so every gateway that has the CID sends the same bytes and the same
 * DAG. Gateway URLs come from configuration only, and appear in messages, logs and metrics with their credentials
 * masked.
 */
package io.wasmhive.indexer.fetch;
