package io.wasmhive.platform.ipfs;

/** A block whose SHA-256 differs from the digest in its CID. Retryable: another source may hold the right bytes. */
public final class BlockMismatchException extends IpfsException {

  private final Cid cid;

  public BlockMismatchException(Cid cid) {
    super("block bytes do not match " + cid, true);
    this.cid = cid;
  }

  /** The CID the block claimed. */
  public Cid cid() {
    return cid;
  }
}
