/**
 * This indexer as a trustless IPFS gateway for the modules it stores: {@code GET}/{@code HEAD /ipfs/{cid}}
 * with {@code ?format=raw} (one block) or {@code ?format=car} (the whole DAG), so other indexers and any
 * verifying IPFS client can fetch from it.
 */
package io.wasmhive.indexer.gateway;
