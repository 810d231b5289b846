package io.wasmhive.platform.ipfs;

/**
 * A dag-pb link: the child's CID, its name ({@code ""} in UnixFS files, null when absent) and Tsize, the child's
 * block plus everything below it in bytes (-1 when absent).
 */
record PbLink(Cid hash, String name, long tsize) {
}
