/**
 * Who may do what on the indexer in secure mode: the trustless gateway {@code /ipfs/**} is public (its blocks are
 * verifiable by their CIDs), reads need any caller, uploads and index requests the role {@code modules:write}.
 * Aliases belong to the principal that first gave them, or to the on-chain registry (see the index feature).
 */
package io.wasmhive.indexer.access;
