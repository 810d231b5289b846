package io.wasmhive.platform.ipfs;

/**
 * A UnixFS DAG whose walk needs more repeat visits of shared blocks than the read's {@link ReadBudget} allows; reading
 * stopped there. Not retryable: the verdict depends only on the budget and on blocks already verified against their
 * CIDs, so every source that holds the DAG gives the same one.
 */
public final class DagTooComplexException extends IpfsException {

  private final Cid root;
  private final long budget;

  public DagTooComplexException(Cid root, ReadBudget budget) {
    super("UnixFS DAG " + root + " is too complex: reading it needs more than " + budget.maxRepeatVisits()
        + " repeat visits of shared blocks, the budget for a file of at most " + budget.maxBytes() + " bytes",
        false);
    this.root = root;
    this.budget = budget.maxRepeatVisits();
  }

  /** The root CID of the file being read. */
  public Cid root() {
    return root;
  }

  /** The repeat visits the read was allowed. */
  public long budget() {
    return budget;
  }
}
