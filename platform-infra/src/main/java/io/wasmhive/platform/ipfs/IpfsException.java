package io.wasmhive.platform.ipfs;

/**
 * The root of this package's unchecked exceptions. {@link #retryable()} says whether asking again (another gateway,
 * a later attempt) may succeed: bad bytes from a source are retryable, a malformed address is not.
 */
public abstract class IpfsException extends RuntimeException {

  private final boolean retryable;

  protected IpfsException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /** Whether another attempt, from another source, may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
