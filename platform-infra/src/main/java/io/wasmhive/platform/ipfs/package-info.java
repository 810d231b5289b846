/**
 * IPFS content addressing for WebAssembly modules, in plain Java with no dependencies: {@link
 * io.wasmhive.platform.ipfs.Cid} (CIDv0 and CIDv1, codecs raw and dag-pb, sha2-256), the UnixFS importer that
 * computes the CIDs {@code ipfs add} prints ({@link io.wasmhive.platform.ipfs.UnixFsImporter}), the verifying
 * reassembler of a UnixFS file from its blocks ({@link io.wasmhive.platform.ipfs.UnixFsReader}) within a {@link
 * io.wasmhive.platform.ipfs.ReadBudget} of bytes and repeat visits of shared blocks, and a streaming,
 * verifying, size-limited CARv1 reader and a writer ({@link io.wasmhive.platform.ipfs.CarReader}, {@link
 * io.wasmhive.platform.ipfs.CarWriter}, {@link io.wasmhive.platform.ipfs.CarFiles}).
 *
 * <p>Every failure is an unchecked {@link io.wasmhive.platform.ipfs.IpfsException} that says whether another source
 * may do better. The results were checked against the JavaScript reference implementation (ipfs-unixfs-importer,
 * multiformats, @ipld/car); see {@code src/test/vectors}. The decoders (varint, protobuf, dag-pb, UnixFS Data, CAR
 * header), which throw this package's exceptions, and the structures that carry {@code Cid}s are package-private
 * here; the encodings that need nothing of this package (varint writing, base32, base58btc, SHA-256, protobuf
 * writing) live in {@code internal}, which never depends on this package.
 */
package io.wasmhive.platform.ipfs;
