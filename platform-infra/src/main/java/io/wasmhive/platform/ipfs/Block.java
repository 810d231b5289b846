package io.wasmhive.platform.ipfs;

/**
 * A block and the CID that names it. The record does not check them against each other; {@link #verified} does.
 * The byte array is shared, not copied: do not change it. Thread-safe as long as nobody does.
 */
public record Block(Cid cid, byte[] bytes) {

  /**
   * The block, after checking that {@code bytes} hash to {@code cid}.
   *
   * @throws BlockMismatchException when they do not
   */
  public static Block verified(Cid cid, byte[] bytes) {
    if (!cid.verifies(bytes)) {
      throw new BlockMismatchException(cid);
    }
    return new Block(cid, bytes);
  }
}
