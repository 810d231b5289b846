/**
 * The encodings behind {@code io.wasmhive.platform.ipfs}: varints, base32 and base58btc, SHA-256, a minimal protobuf
 * reader and writer with the dag-pb (PBNode, PBLink) and UnixFS Data messages, the dag-cbor CARv1 header, and the
 * leaf encoder and balanced layout of the UnixFS importer. Public only so the API package can use them; not an API.
 */
package io.wasmhive.platform.ipfs.internal;
