package io.wasmhive.platform.ipfs;

/** A block a DAG links to that its source does not have. Retryable: another source may have it. */
public final class MissingBlockException extends IpfsException {

  private final Cid cid;

  public MissingBlockException(Cid cid) {
    super("block " + cid + " is missing", true);
    this.cid = cid;
  }

  /** The CID of the missing block. */
  public Cid cid() {
    return cid;
  }
}
