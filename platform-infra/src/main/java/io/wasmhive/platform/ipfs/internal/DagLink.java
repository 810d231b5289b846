package io.wasmhive.platform.ipfs.internal;

import io.wasmhive.platform.ipfs.Cid;

/**
 * A node of an import waiting for its parent: its CID, its Tsize (its block plus everything below it) and the file
 * bytes below it.
 */
public record DagLink(Cid cid, long tsize, long fileSize) {
}
