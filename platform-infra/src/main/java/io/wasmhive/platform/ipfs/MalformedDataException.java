package io.wasmhive.platform.ipfs;

/**
 * Bytes that do not decode: a bad varint, dag-pb or UnixFS protobuf, dag-cbor CAR header or CAR framing, or a
 * UnixFS node whose declared sizes disagree with its content. Retryable: the source sent it, another may not.
 */
public final class MalformedDataException extends IpfsException {

  public MalformedDataException(String message) {
    super(message, true);
  }
}
