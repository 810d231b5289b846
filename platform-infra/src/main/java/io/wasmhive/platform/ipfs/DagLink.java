package io.wasmhive.platform.ipfs;

/**
 * A node of an import waiting for its parent: its CID, its Tsize (its block plus everything below it) and the file
 * bytes below it.
 */
record DagLink(Cid cid, long tsize, long fileSize) {
}
