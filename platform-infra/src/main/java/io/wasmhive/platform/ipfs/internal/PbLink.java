package io.wasmhive.platform.ipfs.internal;

import io.wasmhive.platform.ipfs.Cid;

/**
 * A dag-pb link: the child's CID, its name ({@code ""} in UnixFS files, null when absent) and Tsize, the child's
 * block plus everything below it in bytes (-1 when absent).
 */
public record PbLink(Cid hash, String name, long tsize) {
}
