/**
 * Indexing by CID: jobs with the IPFS Pinning Service API's statuses ({@code queued}, {@code pinning},
 * {@code pinned}, {@code failed}) in MongoDB ({@code index_jobs}), requested over HTTP ({@code POST /index}),
 * from the {@code module_index_requested} stream or by the chain watcher, worked off the stream by the
 * {@code indexer} consumer group and answered with {@code module_indexed} / {@code module_index_failed}. The
 * three records are the shared contract's ({@code io.wasmhive.platform.events.contract}).
 */
package io.wasmhive.indexer.index;
