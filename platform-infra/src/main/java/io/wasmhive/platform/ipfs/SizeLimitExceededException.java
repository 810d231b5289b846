package io.wasmhive.platform.ipfs;

/** Content or a CAR stream larger than the caller's byte limit; reading stopped before passing it. Not retryable. */
public final class SizeLimitExceededException extends IpfsException {

  private final long limit;

  public SizeLimitExceededException(String what, long limit) {
    super(what + " exceeds the limit of " + limit + " bytes", false);
    this.limit = limit;
  }

  /** The limit in bytes. */
  public long limit() {
    return limit;
  }
}
