package io.wasmhive.platform.ipfs;

/** A CID that is malformed or uses a multibase, codec or hash this package does not support. Not retryable. */
public final class InvalidCidException extends IpfsException {

  public InvalidCidException(String message) {
    super(message, false);
  }
}
