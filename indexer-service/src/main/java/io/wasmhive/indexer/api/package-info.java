/**
 * The indexer's HTTP error vocabulary: {@link io.wasmhive.indexer.api.IndexerException} with a stable
 * {@link io.wasmhive.indexer.api.ErrorCode}, and the one advice that answers every error as
 * {@code {"error":{"code","message"}}} (the shape procedure-service uses too).
 */
package io.wasmhive.indexer.api;
