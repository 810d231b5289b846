/**
 * The byte-level encodings behind {@code io.wasmhive.platform.ipfs} that need nothing of it: varint writing, base32,
 * base58btc, SHA-256 and a protobuf writer. Public only so the API package can use them; not an API. It depends on
 * nothing of {@code ipfs}, so the two do not form a cycle: the decoders that throw {@code ipfs}'s exceptions and the
 * dag-pb, UnixFS and CAR structures that carry {@code Cid}s are package-private classes of {@code ipfs} itself.
 */
package io.wasmhive.platform.ipfs.internal;
